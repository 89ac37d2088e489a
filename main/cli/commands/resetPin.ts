import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { resetOwnerPin } from '../../auth/service';
import type { Command } from '../command';
import { UsageError } from '../command';

export const resetPinCommand: Command = {
  name: 'reset-pin',
  summary: 'Remove a forgotten owner PIN (on the shop PC itself); set a new one in Settings',
  usage: `npm run cli -- reset-pin --data DIR

For an owner who forgot the PIN: whoever can run commands on the shop PC
already holds the data, so this is allowed here and nowhere else. The app
then treats the PC as the owner and asks for a new PIN. Paired devices stay paired.`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
    if (!values.data) throw new UsageError('--data DIR is required');
    const core = openCore(values.data);
    try {
      resetOwnerPin(core);
      process.stdout.write('The owner PIN was removed. Open Stallkeeper and set a new one in Settings → Owner PIN.\n');
      return 0;
    } finally {
      core.close();
    }
  },
};
