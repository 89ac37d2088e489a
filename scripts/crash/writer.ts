/**
 * The crash harness's writer: opens the data folder and does real
 * operations (OPERATIONS) one after another, forever, printing
 * "ok <report>" after each one has committed. The harness kills it with
 * SIGKILL at a random moment. Usage: writer --data DIR --run N --seed S
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openCore } from '../../main/core';
import { OPERATIONS, type WriterState } from './operations';
import { mulberry32 } from './random';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, run: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.data) throw new Error('--data DIR is required');
  const rng = mulberry32(Number(values.seed ?? 1));
  const core = openCore(values.data);
  const earlier = core.db.prepare("SELECT item_no FROM products WHERE item_no LIKE 'CR%' ORDER BY random() LIMIT 200").all() as Array<{ item_no: string }>;
  // The run tag makes item numbers unique across harness runs on the same folder.
  const run = `${values.run ?? '1'}${Math.floor(rng() * 36 ** 4).toString(36)}`;
  const state: WriterState = { core, run, seq: 0, rng, products: earlier.map((r) => r.item_no) };
  const total = OPERATIONS.reduce((n, op) => n + op.weight, 0);
  fs.writeSync(1, 'ready\n');
  for (;;) {
    state.seq += 1;
    let pick = rng() * total;
    const op = OPERATIONS.find((o) => (pick -= o.weight) < 0) ?? OPERATIONS[0];
    const report = await op!.run(state);
    // Written synchronously straight to the pipe: once this returns, the harness will read it even if we are killed next.
    fs.writeSync(1, `ok ${JSON.stringify(report)}\n`);
  }
}

main().catch((error: unknown) => {
  fs.writeSync(2, `writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
