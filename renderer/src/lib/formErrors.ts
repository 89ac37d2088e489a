import type { FormInstance } from 'antd';

/** A form field's name path, as antd takes it: ['lines', 2, 'quantity']. */
export type FieldPath = Array<string | number>;

/** An API field ("lines.2.quantity", "contacts.0.phone") as a name path; numbers are list indexes. */
export function fieldPath(field: string): FieldPath {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FieldErrorOptions {
  /** Where the form sits in the method's input: "changes" (an update), "newBuyer", "received"… taken off the field first. */
  within?: string | readonly string[];
  /** Fields named otherwise in the form: API field → form field (`names` → `names.zh`, `paymentTerms.text` → `termsText`). */
  rename?: Readonly<Record<string, string>>;
  /** A flat form's fields, when it does not hold every field of the input: an error in one (`productIds.2`) lands on it, others go to `fallback`. */
  only?: readonly string[];
  /** The field that carries an error whose field is not on the form (or that names none). */
  fallback?: string;
}

/** Where an API error's field lands on a form, or null when it has no place there. */
export function formFieldOf(field: string | undefined, options: FieldErrorOptions = {}): FieldPath | null {
  let name = field ?? '';
  const within = typeof options.within === 'string' ? [options.within] : (options.within ?? []);
  for (const w of within) if (name.startsWith(`${w}.`)) name = name.slice(w.length + 1);
  name = options.rename?.[name] ?? name;
  const path = name ? fieldPath(name) : [];
  if (path.length > 0 && !options.only) return path;
  if (path.length > 0 && options.only?.includes(String(path[0]))) return [String(path[0])];
  return options.fallback ? fieldPath(options.fallback) : null;
}

interface ErrorLike {
  message: string;
  field?: string | undefined;
}

/**
 * Shows an API error `{ code, message, field }` on the form field it names (nested fields too).
 * Returns whether it found a place; when not, the caller shows the message another way.
 */
export function showFieldError<V>(form: FormInstance<V>, error: unknown, options: FieldErrorOptions & { scroll?: boolean; message?: string } = {}): boolean {
  const e = error as ErrorLike;
  const name = formFieldOf(e.field, options);
  if (!name) return false;
  form.setFields([{ name: name as never, errors: [options.message ?? e.message] }]);
  if (options.scroll) form.scrollToField(name as never);
  return true;
}

/** The entry of a list that an error's field points into: "lines.3.qty" → lines[3]. */
export function entryOf<T>(list: readonly T[], field: string | undefined, name = 'lines'): T | undefined {
  const path = field ? fieldPath(field) : [];
  return path[0] === name && typeof path[1] === 'number' ? list[path[1]] : undefined;
}
