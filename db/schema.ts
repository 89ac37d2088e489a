import type { Db } from './open';

/**
 * The shape of a database as SQLite keeps it: every table, index, trigger and
 * view of sqlite_schema with its SQL (whitespace runs folded to one space),
 * and every column of every table (PRAGMA table_xinfo). Two databases with the
 * same items have the same structure; a restore compares a backup's with what
 * the migrations make (main/backup/restore.ts). sqlite_stat* (ANALYZE's
 * statistics) is left out: it holds planner figures, not structure.
 */
export interface SchemaItem {
  type: 'table' | 'index' | 'trigger' | 'view' | 'column';
  name: string;
  /** The table an index or trigger belongs to (the table itself for a table or column). */
  table: string;
  sql: string;
}

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

interface ColumnRow {
  cid: number;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

const fold = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

export function schemaItems(db: Db): SchemaItem[] {
  const rows = db
    .prepare<[], MasterRow>("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
    .all();
  const items: SchemaItem[] = rows.map((r) => ({ type: r.type as SchemaItem['type'], name: r.name, table: r.tbl_name, sql: fold(r.sql) }));
  for (const t of rows.filter((r) => r.type === 'table')) {
    const columns = db.prepare<[], ColumnRow>(`SELECT * FROM pragma_table_xinfo('${t.name.replace(/'/g, "''")}')`).all();
    for (const c of columns) {
      items.push({
        type: 'column',
        name: `${t.name}.${c.name}`,
        table: t.name,
        sql: `#${c.cid} ${c.type} notnull=${c.notnull} default=${c.dflt_value ?? 'NULL'} pk=${c.pk} hidden=${c.hidden}`,
      });
    }
  }
  return items;
}

export interface SchemaDifference {
  kind: 'extra' | 'missing' | 'changed';
  item: SchemaItem;
}

/** How `actual` differs from `expected`: items only in it (extra), only in expected (missing), or with other SQL (changed). */
export function schemaDifferences(expected: SchemaItem[], actual: SchemaItem[]): SchemaDifference[] {
  const key = (i: SchemaItem) => `${i.type} ${i.name}`;
  const want = new Map(expected.map((i) => [key(i), i]));
  const have = new Map(actual.map((i) => [key(i), i]));
  const out: SchemaDifference[] = [];
  for (const [k, item] of have) {
    const other = want.get(k);
    if (!other) out.push({ kind: 'extra', item });
    else if (other.sql !== item.sql || other.table !== item.table) out.push({ kind: 'changed', item });
  }
  for (const [k, item] of want) if (!have.has(k)) out.push({ kind: 'missing', item });
  // Tables and their triggers first: what a person can act on.
  const order = { trigger: 0, view: 1, table: 2, index: 3, column: 4 };
  return out.sort((a, b) => order[a.item.type] - order[b.item.type] || a.item.name.localeCompare(b.item.name));
}
