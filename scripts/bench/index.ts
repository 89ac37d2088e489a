/**
 * npm run bench [-- --products N] [--buyers N] [--kills N] [--fuzz-runs N] [--walk-in]: builds a synthetic catalog (default 100,000
 * products) in a temp data folder and prints ONE JSON object of figures to
 * stdout, each named with what it measures and its unit. Progress goes to
 * stderr. Each area adds its measurements as a section in scripts/bench/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../main/core';
import { buildCatalog } from './catalog';
import { timeMs } from './stats';
import { benchCore } from './core';
import { benchCatalog } from './catalogBench';
import { benchDocuments } from './documents';
import { benchQuotes } from './quotes';
import { benchBuyers } from './buyers';
import { benchReliability } from './reliability';
import { benchCliPdf, benchImportResponsiveness } from './field';
import { benchWalkIn } from './walkIn';
import { benchLoop } from './loop';

export interface BenchContext {
  dataDir: string;
  products: number;
  log: (line: string) => void;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { products: { type: 'string' }, buyers: { type: 'string' }, keep: { type: 'boolean' }, kills: { type: 'string' }, 'fuzz-runs': { type: 'string' }, 'walk-in': { type: 'boolean' } } });
  const products = values.products ? Number(values.products) : 100_000;
  if (!Number.isInteger(products) || products < 100) throw new Error('--products must be a whole number ≥ 100');
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-'));
  const cpus = os.cpus();
  const report: Record<string, unknown> = {
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    catalogProducts: products,
  };
  try {
    log(`building a catalog of ${products} products in ${dataDir}`);
    const core = openCore(dataDir);
    report.catalogBuildMs = Math.round(timeMs(() => buildCatalog(core, products)).ms);
    core.close();
    const ctx: BenchContext = { dataDir, products, log };
    Object.assign(report, await benchCore(ctx));
    Object.assign(report, await benchCatalog(ctx));
    Object.assign(report, await benchDocuments(ctx));
    Object.assign(report, await benchQuotes(ctx));
    Object.assign(report, await benchImportResponsiveness(ctx));
    Object.assign(report, await benchCliPdf(ctx));
    report.buyersSection = await benchBuyers(ctx, values.buyers ? Number(values.buyers) : 5_000);
    report.afterPiSection = await benchLoop(ctx);
    report.reliability = await benchReliability(ctx, { kills: Number(values.kills ?? 200), fuzzRunsPerMethod: Number(values['fuzz-runs'] ?? 200) });
    // Optional (needs Chromium): the walk-in buyer from the keyboard, keystrokes and the keystroke-level estimate.
    if (values['walk-in']) report.walkIn = await benchWalkIn(log);
    report.databaseFileMiB = Math.round((fs.statSync(path.join(dataDir, 'stallkeeper.db')).size / 2 ** 20) * 10) / 10;
  } finally {
    if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
