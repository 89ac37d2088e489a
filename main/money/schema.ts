import { z } from 'zod';
import { DecimalError, toScaled } from './decimal';

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
      const reason = error instanceof DecimalError ? error.message : 'is not a decimal number';
      ctx.addIssue({ code: 'custom', message: reason, params: { en: reason, zh: zhReason(reason, scale) } });
      return z.NEVER;
    }
    const factor = 10 ** scale;
    if (options.min !== undefined && scaled < options.min * factor) {
      const en = `must be at least ${options.min}`;
      ctx.addIssue({ code: 'custom', message: en, params: { en, zh: `不能小于 ${options.min}` } });
      return z.NEVER;
    }
    if (options.max !== undefined && scaled > options.max * factor) {
      const en = `must be at most ${options.max}`;
      ctx.addIssue({ code: 'custom', message: en, params: { en, zh: `不能大于 ${options.max}` } });
      return z.NEVER;
    }
    return scaled;
  });
}

function zhReason(reason: string, scale: number): string {
  if (reason.startsWith('has more than')) return `最多 ${scale} 位小数`;
  if (reason === 'is too large') return '数值太大';
  return '不是有效的数字';
}
