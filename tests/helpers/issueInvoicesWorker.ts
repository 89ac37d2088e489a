/**
 * A second station issuing PIs: opens the data folder with its own connection,
 * says "ready", waits for "go" on stdin (so two stations start at the same
 * moment), then issues a PI for each quotation id as fast as it can and prints
 * the numbers as JSON.
 * Usage: node --import tsx tests/helpers/issueInvoicesWorker.ts DATA_DIR IDS
 */
import { once } from 'node:events';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';

const [dataDir, ids] = process.argv.slice(2);
if (!dataDir || !ids) throw new Error('usage: issueInvoicesWorker DATA_DIR IDS');
const core = openCore(dataDir);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const numbers: string[] = [];
for (const id of ids.split(',').map(Number)) {
  const pi = await invoke(core, 'invoices.create', { quoteId: id });
  numbers.push(pi.number);
  // A breath between PIs, as a person at a station takes: lets the other station's waiting call in.
  await new Promise((resolve) => setTimeout(resolve, 3));
}
core.close();
process.stdout.write(`${JSON.stringify(numbers)}\n`);
process.exit(0);
