import { type z } from 'zod';
import { isMessage, m, translate, type ApiError, type Locale, type Message, type MessageParam } from './apiError';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, Message> = {
  string: m('validation.type.string'),
  number: m('validation.type.number'),
  int: m('validation.type.int'),
  boolean: m('validation.type.boolean'),
  array: m('validation.type.array'),
  object: m('validation.type.object'),
  date: m('validation.type.date'),
};

function typeName(expected: unknown): MessageParam {
  return (typeof expected === 'string' ? TYPE_NAMES[expected] : undefined) ?? String(expected);
}

function sizeReason(issue: Issue, big: boolean): Message {
  const i = issue as Issue & { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean };
  const limit = String(big ? i.maximum : i.minimum);
  switch (i.origin) {
    case 'string':
      if (!big && limit === '1') return m('validation.notEmpty');
      return big ? m('validation.maxCharacters', { limit }) : m('validation.minCharacters', { limit });
    case 'array':
    case 'set':
      if (big) return m('validation.maxItems', { limit });
      return limit === '1' ? m('validation.minOneItem') : m('validation.minItems', { limit });
    default:
      if (big) return i.inclusive === false ? m('validation.lessThan', { limit }) : m('validation.atMost', { limit });
      return i.inclusive === false ? m('validation.greaterThan', { limit }) : m('validation.atLeast', { limit });
  }
}

/** Plain-language reason for one zod issue, without the field name. */
export function reasonFor(issue: Issue): Message {
  const params = (issue as { params?: { reason?: unknown } }).params;
  if (isMessage(params?.reason)) return params.reason;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return m('validation.required');
      return m('validation.mustBeType', { type: typeName(issue.expected) });
    case 'too_small':
      return sizeReason(issue, false);
    case 'too_big':
      return sizeReason(issue, true);
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      return format === 'email' ? m('validation.notEmail') : m('validation.wrongFormat');
    }
    case 'not_multiple_of':
      return m('validation.multipleOf', { divisor: String(issue.divisor) });
    case 'invalid_value':
      return m('validation.oneOf', { values: (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'unrecognized_keys':
      return m('validation.unknownField');
    case 'invalid_union':
      return m('validation.noAllowedForm');
    default:
      // A zod message written in the schema (English), else a plain "is invalid".
      return issue.message ? m('errors.text', { text: issue.message }) : m('validation.invalid');
  }
}

function pathOf(path: PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Turns the first zod issue into the API's error shape, naming the field. */
/** For a union, the branch that came closest (fewest problems) explains the error best. */
function explainUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return issue;
  // Fewest problems first; among equals, a branch that got past the type check
  // ("not a valid email") says more than one that did not ("must be \"\"").
  const shallow = (i: z.core.$ZodIssue | undefined) => (i && (i.code === 'invalid_type' || i.code === 'invalid_value') ? 1 : 0);
  const best = [...issue.errors].sort((a, b) => a.length - b.length || shallow(a[0]) - shallow(b[0]))[0];
  const inner = best?.[0];
  if (!inner) return issue;
  return explainUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue);
}

export function zodToApiError(error: z.ZodError, locale: Locale): ApiError {
  const first = error.issues[0];
  if (!first) return { code: 'invalid_input', message: translate(m('validation.invalidInput'), locale) };
  const issue = explainUnion(first);
  let field = pathOf(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    field = pathOf([...issue.path, issue.keys[0] as string]);
  }
  const reason = reasonFor(issue as unknown as Issue);
  const message = translate(m('errors.invalidField', { field: field || m('validation.input'), reason }), locale);
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

/** A refinement's message from the catalogs: `.refine(fn, because(m('products.twoTiersHaveSame')))`. */
export function because(reason: Message): { message: string; params: { reason: Message } } {
  return { message: translate(reason, 'en'), params: { reason } };
}
