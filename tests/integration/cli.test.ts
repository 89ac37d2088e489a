import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/index';
import { appPath } from '../../main/paths/appRoot';
import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { tempDir } from '../helpers/tempCore';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return {
    out: () => out.join(''),
    err: () => err.join(''),
    restore: () => {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

describe('the command line', () => {
  const folder = tempDir();
  afterAll(() => folder.remove());

  it('lists its commands with --help', async () => {
    const io = capture();
    const code = await runCli(['--help']);
    io.restore();
    expect(code).toBe(0);
    expect(io.out()).toMatch(/Usage: npm run cli -- <command>/);
    expect(io.out()).toMatch(/demo/);
  });

  it('refuses an unknown command with exit code 2', async () => {
    const io = capture();
    const code = await runCli(['fly']);
    io.restore();
    expect(code).toBe(2);
    expect(io.err()).toMatch(/Unknown command "fly"/);
  });

  it('fills a demo stall: 60+ products with photos in zh/en/ar, 30+ buyers from 20+ countries, a seller profile', async () => {
    const io = capture();
    const code = await runCli(['demo', '--data', folder.dir]);
    io.restore();
    expect(code, io.err()).toBe(0);
    // The progress lines and the summary give the same counts.
    const progress = io.err();
    const summary = io.out();
    for (const [what, pattern] of [['products', /(\d+) products/], ['buyers', /(\d+) buyers/], ['quotations', /(\d+) quotations/], ['pro-forma invoices', /(\d+) pro-forma invoices/]] as const) {
      expect(pattern.exec(progress)?.[1], `${what} in the progress lines`).toBe(pattern.exec(summary)?.[1]);
    }
    const core = openCore(folder.dir);
    try {
      const products = await invoke(core, 'products.list', { limit: 500 });
      expect(products.total).toBeGreaterThanOrEqual(60);
      expect(products.items.every((p) => p.photos.length > 0 && p.names.zh && p.names.en && p.names.ar)).toBe(true);
      expect(new Set(products.items.map((p) => p.category)).size).toBeGreaterThanOrEqual(6);
      const buyers = await invoke(core, 'buyers.list', { limit: 500 });
      expect(buyers.total).toBeGreaterThanOrEqual(30);
      expect(new Set(buyers.items.map((b) => b.country)).size).toBeGreaterThanOrEqual(20);
      expect(buyers.items.every((b) => b.contacts[0]?.whatsapp.startsWith('+'))).toBe(true);
      const settings = await invoke(core, 'settings.get', {});
      expect(settings.seller.companyNameZh).not.toBe('');
      expect(settings.seller.logo).not.toBeNull();
      expect(settings.seller.chop).not.toBeNull();
      expect(settings.warnings).toEqual([]);
      // The ledger reads in date order: on hand never drops below zero at any movement.
      for (const p of products.items) {
        const history = await invoke(core, 'stock.history', { productId: p.id, limit: 500 });
        expect(history.items.filter((m) => m.onHandAfter < 0).map((m) => `${p.itemNo} ${m.movedAt} ${m.onHandAfter}`)).toEqual([]);
      }
    } finally {
      core.close();
    }
  }, 180_000);

  it('refuses to fill a folder that already has data', async () => {
    const io = capture();
    const code = await runCli(['demo', '--data', folder.dir]);
    io.restore();
    expect(code).toBe(1);
    expect(io.err()).toMatch(/already has products or buyers/);
  });

  it('asks for --data when it is missing', async () => {
    const io = capture();
    const code = await runCli(['demo']);
    io.restore();
    expect(code).toBe(2);
    expect(io.err()).toMatch(/--data DIR is required/);
  });
});

describe('the bench report of a command', () => {
  it.runIf(process.platform === 'linux')('gives the command\'s own peak memory, not that of the process that started it', () => {
    // A parent holding 400 MB starts the command, as the bench does after its 100,000-row import.
    const parent = `
      const held = []; for (let i = 0; i < 40; i += 1) held.push(Buffer.alloc(10e6, 1));
      const child = require('node:child_process').spawnSync(process.execPath, ['--import', 'tsx', '-e',
        "import('./main/cli/index.ts').then((m) => console.log(JSON.stringify({ own: m.peakRssKiB(), rusage: process.resourceUsage().maxRSS })))"],
        { encoding: 'utf8' });
      process.stdout.write(child.stdout);`;
    const out = execFileSync(process.execPath, ['-e', parent], { cwd: appPath(), encoding: 'utf8' });
    const { own, rusage } = JSON.parse(out.trim().split('\n').pop() as string) as { own: number; rusage: number };
    expect(rusage).toBeGreaterThan(400_000 * 0.95);
    expect(own).toBeLessThan(300_000);
  }, 60_000);
});
