import { describe, expect, it } from 'vitest';
import { runCrashHarness } from '../../scripts/crash/harness';

describe('crash safety: a writer killed with SIGKILL at random moments', () => {
  it('survives 200 kills: the data opens, passes integrity_check, has every reported operation and nothing half-written', async () => {
    // Two writers side by side on their own folders: the harness waits on timers, so two use the machine better.
    const figure = await runCrashHarness({ kills: 200, parallel: 2 });
    console.log(
      `crash: ${figure.kills} kills, ${figure.survived} survived, ${figure.reportedOperations} operations reported, operations lost: ${figure.operationsLost} ` +
        `(seed ${figure.seed}, ${figure.seconds} s; ${JSON.stringify(figure.operationsByKind)})`,
    );
    expect(figure.problems).toEqual([]);
    expect(figure).toMatchObject({ kills: 200, survived: 200, operationsLost: 0, integrityFailures: 0, halfWrittenRecords: 0 });
    expect(figure.reportedOperations).toBeGreaterThan(100);
  }, 900_000);
});
