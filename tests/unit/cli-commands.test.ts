import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../main/cli/index';

describe('the command line', () => {
  it('lists every command with the name and summary of the command it loads, and loads it only to run it', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });

  it('answers --help for a command with its usage', async () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      expect(await runCli(['pdf', '--help'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(written.join('')).toMatch(/npm run cli -- pdf <number> --data DIR --out FILE/);
  });
});
