import { m, type Message } from '../errors/apiError';

/**
 * A problem of an imported file as both imports (products, buyers) write it: "row N: field: reason",
 * "field: reason" for the file as a whole, or "row N: reason" when no field is named (a record's
 * field count). The text is made where it is shown, in that person's language.
 */
export function rowProblemMessage(row: number | null, field: string, reason: Message): Message {
  const problem = field ? m('errors.invalidField', { field, reason }) : reason;
  return row === null ? problem : m('imports.rowProblem', { row, problem });
}
