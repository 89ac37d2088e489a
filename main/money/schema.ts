import { z } from 'zod';
import { DecimalError, toScaled } from './decimal';
import { m, translate, type Message } from '../errors/messages';

/** A zod issue whose reason comes from the catalogs (main/errors/validation.ts reads params.reason). */
function issue(reason: Message) {
  return { code: 'custom' as const, message: translate(reason, 'en'), params: { reason } };
}

/**
 * A decimal given as text ("12.50") or a number (12.5), parsed exactly into an
 * integer at `scale` decimals. Errors name the problem ("has more than 4 decimal places").
 */
export function decimalInput(scale: number, options: { min?: number; max?: number } = {}) {
  return z.union([z.string().max(40), z.number()]).transform((value, ctx) => {
    let scaled: number;
    try {
      scaled = toScaled(value, scale);
    } catch (error) {
      ctx.addIssue(issue(decimalReason(error, scale)));
      return z.NEVER;
    }
    const factor = 10 ** scale;
    if (options.min !== undefined && scaled < options.min * factor) {
      ctx.addIssue(issue(m('validation.atLeast', { limit: options.min })));
      return z.NEVER;
    }
    if (options.max !== undefined && scaled > options.max * factor) {
      ctx.addIssue(issue(m('validation.atMost', { limit: options.max })));
      return z.NEVER;
    }
    return scaled;
  });
}

/** Why a decimal was refused, from what toScaled threw (the English of DecimalError says which). */
function decimalReason(error: unknown, scale: number): Message {
  const reason = error instanceof DecimalError ? error.message : '';
  if (reason.startsWith('has more than')) return m('money.tooManyDecimals', { scale });
  if (reason === 'is too large') return m('money.tooLarge');
  if (reason.endsWith('is not a decimal number')) return m('money.notDecimal', { text: reason.replace(/ is not a decimal number$/, '') });
  return reason ? m('money.notFiniteNumber') : m('money.notDecimalNumber');
}
