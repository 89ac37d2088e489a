/**
 * Issue 15's figures: the app answering while a 100,000-row import runs (on
 * the job worker, as in the core process and browser mode), and the
 * command line's cold `pdf` (a fresh process, as `npm run cli` starts it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../main/core';
import { callMethod } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import type { Progress } from '../../main/api/method';
import { fillDemo } from '../../main/demo/fill';
import { exportProducts } from '../../main/imports/export';
import { JobRunner } from '../../main/jobs/runner';
import { appPath } from '../../main/paths/appRoot';
import type { BenchContext } from './index';
import { percentiles } from './stats';

const READ_P95_TARGET_MS = 50;
const CLI_PDF_TARGET_MS = 1000;

export async function benchImportResponsiveness(ctx: BenchContext): Promise<Record<string, unknown>> {
  const source = openCore(ctx.dataDir);
  const csv = await exportProducts(source, 'csv', true);
  source.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-import-live-'));
  const core = openCore(dir);
  core.jobs = new JobRunner(dir, { now: core.now });
  try {
    ctx.log(`reads while an import of ${csv.rows} rows runs on the job worker`);
    for (let i = 1; i <= 50; i += 1) await invoke(core, 'products.create', { itemNo: `LIVE-${i}`, names: { en: `Live lantern ${i}` }, priceTiers: [{ minQty: 1, priceCny: '3.50' }] });
    const buyer = await invoke(core, 'buyers.create', { company: 'Bench Live Trading', country: 'NG' });
    const quote = await invoke(core, 'quotes.create', { buyerId: buyer.id, currency: 'CNY', lines: Array.from({ length: 30 }, (_, i) => ({ itemNo: `LIVE-${i + 1}` })) });
    const progress: Progress[] = [];
    let done = false;
    const started = process.hrtime.bigint();
    const importing = callMethod(core, 'products.import', { file: { fileName: 'catalog.csv', dataBase64: csv.bytes.toString('base64') } }, {
      session: { role: 'owner' },
      progress: (p) => progress.push(p),
    }).finally(() => (done = true));
    const search: number[] = [];
    const get: number[] = [];
    let failures = 0;
    let i = 0;
    while (!done) {
      const t0 = process.hrtime.bigint();
      const outcome = i % 2 === 0 ? await callMethod(core, 'products.search', { query: `lantern ${i % 50}` }, { session: { role: 'owner' } }) : await callMethod(core, 'quotes.get', { id: quote.id }, { session: { role: 'owner' } });
      (i % 2 === 0 ? search : get).push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!outcome.ok) failures += 1;
      i += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const outcome = await importing;
    const importMs = Number(process.hrtime.bigint() - started) / 1e6;
    const all = percentiles([...search, ...get]);
    return {
      importWhileReading: {
        rows: csv.rows,
        importMs: Math.round(importMs),
        imported: outcome.ok,
        progressEvents: progress.length,
        productsSearch: percentiles(search),
        quotesGet: percentiles(get),
        failedReads: failures,
        targetP95Ms: READ_P95_TARGET_MS,
        withinTarget: all.p95Ms < READ_P95_TARGET_MS && failures === 0,
      },
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCliPdf(ctx: BenchContext): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-cli-'));
  try {
    ctx.log('the command line: cold `pdf` of a quotation in a fresh process');
    const core = openCore(dir);
    await fillDemo(core);
    const number = (await invoke(core, 'quotes.list', { limit: 1 })).items[0]?.number as string;
    core.close();
    // `npm run cli` (scripts/cli.mjs) starts the bundle from its V8 snapshot, building both first when a source is newer: build them outside the timing.
    const launcher = appPath('scripts', 'cli.mjs');
    const prepared = spawnSync(process.execPath, [launcher, '--help'], { cwd: appPath(), encoding: 'utf8' });
    if (prepared.status !== 0 && prepared.status !== 2) throw new Error(`cli bundle failed: ${prepared.stderr}`);
    const runs: Array<{ ms: number; maxRssMiB: number | null; startedFrom: string | null }> = [];
    for (let i = 0; i < 4; i += 1) {
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [launcher, 'pdf', number, '--data', dir, '--out', path.join(dir, `q-${i}.pdf`)], {
        cwd: appPath(),
        encoding: 'utf8',
        env: { ...process.env, STALLKEEPER_BENCH_REPORT: '1' },
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== 0) throw new Error(`cli pdf failed: ${child.stderr}`);
      const report = /bench-report (\{.*\})/.exec(child.stderr)?.[1];
      const parsed = report ? (JSON.parse(report) as { maxRssKiB: number; startedFrom: string }) : null;
      runs.push({ ms: Math.round(ms), maxRssMiB: parsed ? Math.round(parsed.maxRssKiB / 1024) : null, startedFrom: parsed?.startedFrom ?? null });
    }
    const later = runs.slice(1).map((r) => r.ms).sort((a, b) => a - b);
    const median = later[Math.floor(later.length / 2)] ?? 0;
    return {
      cliPdfCold: {
        command: `node scripts/cli.mjs pdf ${number} (what npm run cli runs: dist/cli/cli.cjs from its V8 snapshot dist/cli/cli.blob)`,
        firstEverMs: runs[0]?.ms,
        medianMs: median,
        runs,
        targetMs: CLI_PDF_TARGET_MS,
        withinTarget: median < CLI_PDF_TARGET_MS,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
