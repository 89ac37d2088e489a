import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { apiTable } from '../../main/api/table';
import { method } from '../../main/api/method';
import { updateSeller } from '../../db/settings';
import { runApiFuzz } from '../../scripts/fuzz/apiFuzz';

describe('every method of the API table under random and malformed input (fast-check)', () => {
  it('answers each call with a valid result or a structured error, never crashes, and a failed call changes nothing', async () => {
    const figure = await runApiFuzz({ runsPerMethod: 50 });
    // The fuzz figure, for the record.
    console.log(
      `fuzz: ${figure.callsTried} calls tried over ${figure.methods} methods (seed ${figure.seed}), ${figure.validResults} valid results, ` +
        `${figure.structuredErrors} structured errors, crashes: ${figure.crashes}, failed calls that changed data: ${figure.failedCallsThatChangedData}`,
    );
    expect(figure.problems).toEqual([]);
    expect(figure.methods).toBe(Object.keys(apiTable).length);
    expect(figure.callsTried).toBe(50 * figure.methods);
    expect(figure).toMatchObject({ crashes: 0, unhandledRejections: 0, failedCallsThatChangedData: 0, ownerFieldsShownToStaff: 0 });
    // The fuzzer reaches past validation into the handlers, not only into zod.
    expect(figure.validResults).toBeGreaterThan(figure.methods * 3);
  }, 600_000);

  it('would catch a method that writes outside its transaction and then fails, or that shows staff a cost', async () => {
    const table = apiTable as Record<string, unknown>;
    table['test.leaky'] = method({
      summary: 'A broken method that the fuzzer must catch.',
      access: 'staff',
      kind: 'async',
      input: z.strictObject({ n: z.number().int() }),
      handler: async (input, { core }) => {
        updateSeller(core.db, { website: `changed ${input.n}` }, new Date().toISOString());
        if (input.n % 2 === 0) throw new Error('half done');
        return { costCny: '1.00' };
      },
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // Staff results are stripped by dispatch, so only the data change can be caught here.
      const figure = await runApiFuzz({ runsPerMethod: 30, methods: ['test.leaky'] });
      expect(figure.failedCallsThatChangedData).toBeGreaterThan(0);
      expect(figure.crashes).toBeGreaterThan(0);
      expect(figure.ownerFieldsShownToStaff).toBe(0);
    } finally {
      quiet.mockRestore();
      delete table['test.leaky'];
    }
  });
});
