/**
 * The WHERE clause of a list query, built from the filters a caller set: each condition names
 * its parameter (@name) and is added only when the value is given (not undefined, null, '' or
 * an empty list). A list goes in as JSON, for `IN (SELECT value FROM json_each(@name))`.
 */
export class Conditions {
  private readonly parts: string[];

  constructor(
    readonly params: Record<string, unknown> = {},
    always: string[] = [],
  ) {
    this.parts = [...always];
  }

  /** `sql` with @name bound to the value, when the value is given. */
  when(value: unknown, name: string, sql: string): this {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return this;
    this.parts.push(sql);
    this.params[name] = Array.isArray(value) ? JSON.stringify(value) : value;
    return this;
  }

  /** A condition without a parameter, when `on` holds. */
  add(sql: string, on = true): this {
    if (on) this.parts.push(sql);
    return this;
  }

  /** Any of the columns contains the words (LIKE %…% with \ escaping), bound as @search. */
  search(value: string | undefined, columns: string[]): this {
    if (!value) return this;
    this.parts.push(`(${columns.map((c) => `${c} LIKE @search ESCAPE '\\'`).join(' OR ')})`);
    this.params.search = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this;
  }

  /** `WHERE a AND b …`, or '' when no condition was added. */
  get where(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
