/**
 * npm run crash [-- --kills N --seed S --parallel P | --data DIR]: the crash harness at
 * full length (default 1000 kills), printing its figure as JSON. The test
 * suite runs the same harness with 200 kills (tests/integration/crash-safety.test.ts).
 */
import { parseArgs } from 'node:util';
import { runCrashHarness } from './harness';

const { values } = parseArgs({ options: { kills: { type: 'string' }, seed: { type: 'string' }, data: { type: 'string' }, parallel: { type: 'string' } } });
const kills = values.kills ? Number(values.kills) : 1000;
if (!Number.isInteger(kills) || kills < 1) throw new Error('--kills must be a whole number ≥ 1');
const figure = await runCrashHarness({
  kills,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values.data ? { dataDir: values.data } : {}),
  ...(values.parallel ? { parallel: Number(values.parallel) } : {}),
  log: (line) => process.stderr.write(`crash: ${line}\n`),
});
process.stdout.write(`${JSON.stringify(figure, null, 2)}\n`);
process.stderr.write(`crash: ${figure.kills} kills, ${figure.survived} survived, ${figure.reportedOperations} operations reported, operations lost: ${figure.operationsLost}\n`);
process.exit(figure.survived === figure.kills && figure.operationsLost === 0 ? 0 : 1);
