import { describeMethods } from './dispatch';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  const?: unknown;
  default?: unknown;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (s.type === 'object') return 'object';
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  return s.format ? `${t} (${s.format})` : t;
}

function limits(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined && s.minLength > 0) parts.push(`min length ${s.minLength}`);
  if (s.maxLength !== undefined) parts.push(`max length ${s.maxLength}`);
  if (s.minimum !== undefined && Math.abs(s.minimum) < 1e15) parts.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && Math.abs(s.maximum) < 1e15) parts.push(`≤ ${s.maximum}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(', ');
}

function rows(schema: JsonSchema, prefix: string, out: string[]): void {
  const variants = schema.anyOf ?? schema.oneOf;
  if (!schema.properties && variants) {
    variants.forEach((v, i) => {
      out.push(`| *(form ${i + 1})* | | | |`);
      rows(v, prefix, out);
    });
    return;
  }
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const field = `${prefix}${name}`;
    const required = schema.required?.includes(name) ? 'yes' : '';
    out.push(`| \`${field}\` | ${typeOf(prop)} | ${required} | ${limits(prop)} |`);
    const inner = prop.type === 'array' ? prop.items : prop;
    const nested = inner?.properties ? inner : (inner?.anyOf ?? []).find((a) => a.properties);
    if (nested) rows(nested, `${field}${prop.type === 'array' ? '[]' : ''}.`, out);
  }
}

/** docs/api.md, generated from the API table (npm run docs:api; a test checks it is current). */
export function apiMarkdown(): string {
  const out: string[] = [
    '# API',
    '',
    'Generated from the API table by `npm run docs:api`; a test fails when this file is out of date.',
    '',
    'Every method is called the same way through both doors: Electron IPC (`window.stallkeeper.call(method, input, locale)`)',
    'and HTTP (`POST /api/<method>` with a JSON body; `GET /api` lists the methods with their JSON schemas).',
    'Errors have one shape, `{ code, message, field? }`, with HTTP statuses: invalid_input/bad_request 400,',
    'unauthorized 401, forbidden 403, not_found/unknown_method 404, conflict/cancelled 409, payload_too_large 413,',
    'unsupported_media_type 415, too_many_requests 429, internal 500, unavailable 503.',
    'Messages are in English, or Chinese with `X-Stallkeeper-Locale: zh` (HTTP) / locale `zh-CN` (IPC).',
    'Access: `staff` methods are open to staff and the owner; `owner` methods need the owner.',
    '',
  ];
  for (const m of describeMethods()) {
    out.push(`## ${m.name}`, '', `${m.summary}`, '', `Access: ${m.access}`, '');
    const fieldRows: string[] = [];
    rows(m.input as JsonSchema, '', fieldRows);
    if (fieldRows.length === 0) out.push('Input: `{}`', '');
    else out.push('| field | type | required | limits |', '| --- | --- | --- | --- |', ...fieldRows, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
