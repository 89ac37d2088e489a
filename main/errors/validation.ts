import { type z } from 'zod';
import { textOf, type ApiError, type Locale, type TextPair } from './apiError';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, TextPair> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '是或否' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'an object', zh: '对象' },
  date: { en: 'a date', zh: '日期' },
};

function typeName(expected: unknown, locale: Locale): string {
  const known = typeof expected === 'string' ? TYPE_NAMES[expected] : undefined;
  return known ? textOf(known, locale) : String(expected);
}

function sizeReason(issue: Issue, locale: Locale, big: boolean): string {
  const i = issue as Issue & { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean };
  const limit = String(big ? i.maximum : i.minimum);
  const zh = locale === 'zh';
  switch (i.origin) {
    case 'string':
      if (!big && limit === '1') return zh ? '不能为空' : 'must not be empty';
      return big
        ? zh ? `最多 ${limit} 个字符` : `must be at most ${limit} characters`
        : zh ? `至少 ${limit} 个字符` : `must be at least ${limit} characters`;
    case 'array':
    case 'set':
      return big
        ? zh ? `最多 ${limit} 项` : `must have at most ${limit} items`
        : zh ? `至少需要 ${limit} 项` : `must have at least ${limit} item${limit === '1' ? '' : 's'}`;
    default:
      if (big) {
        return i.inclusive === false
          ? zh ? `必须小于 ${limit}` : `must be less than ${limit}`
          : zh ? `不能大于 ${limit}` : `must be at most ${limit}`;
      }
      return i.inclusive === false
        ? zh ? `必须大于 ${limit}` : `must be greater than ${limit}`
        : zh ? `不能小于 ${limit}` : `must be at least ${limit}`;
  }
}

/** Plain-language reason for one zod issue, without the field name. */
export function reasonFor(issue: Issue, locale: Locale): string {
  const zh = locale === 'zh';
  const params = (issue as { params?: Partial<TextPair> }).params;
  if (params && typeof params.en === 'string' && typeof params.zh === 'string') return textOf(params as TextPair, locale);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return zh ? '必填' : 'is required';
      return zh ? `应为${typeName(issue.expected, locale)}` : `must be ${typeName(issue.expected, locale)}`;
    case 'too_small':
      return sizeReason(issue, locale, false);
    case 'too_big':
      return sizeReason(issue, locale, true);
    case 'invalid_format': {
      const format = (issue as { format?: string }).format;
      if (format === 'email') return zh ? '不是有效的电子邮件地址' : 'is not a valid email address';
      return zh ? '格式不正确' : 'has the wrong format';
    }
    case 'not_multiple_of':
      return zh ? `必须是 ${String(issue.divisor)} 的倍数` : `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_value': {
      const values = (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return zh ? `必须是以下之一：${values}` : `must be one of: ${values}`;
    }
    case 'unrecognized_keys':
      return zh ? '不是已知字段' : 'is not a known field';
    case 'invalid_union':
      return zh ? '不符合任何允许的形式' : 'does not match any allowed form';
    default:
      return issue.message ?? (zh ? '无效' : 'is invalid');
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
  if (!first) return { code: 'invalid_input', message: locale === 'zh' ? '输入无效' : 'Invalid input' };
  const issue = explainUnion(first);
  let field = pathOf(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    field = pathOf([...issue.path, issue.keys[0] as string]);
  }
  const reason = reasonFor(issue as unknown as Issue, locale);
  const label = field || (locale === 'zh' ? '输入' : 'input');
  const message = locale === 'zh' ? `${label}：${reason}` : `${label}: ${reason}`;
  return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
}

/** Custom refinement messages in both languages: `.refine(fn, bilingual('…', '…'))`. */
export function bilingual(en: string, zh: string): { message: string; params: TextPair } {
  return { message: en, params: { en, zh } };
}
