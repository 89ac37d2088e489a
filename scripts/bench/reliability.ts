import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../main/core';
import { backupNow, exportArchiveTo } from '../../main/backup/service';
import { restoreDataFolder } from '../../main/backup/restore';
import { runCrashHarness } from '../crash/harness';
import { runApiFuzz } from '../fuzz/apiFuzz';
import type { BenchContext } from './index';
import { timeMs, timeMsAsync } from './stats';

export interface ReliabilityOptions {
  kills: number;
  fuzzRunsPerMethod: number;
}

/**
 * Issue 7's figures: backing up, copying to a USB stick and restoring the
 * bench catalog; the crash harness (kills survived, operations lost) and the
 * API fuzzer (calls tried, crashes).
 */
export async function benchReliability(ctx: BenchContext, options: ReliabilityOptions): Promise<Record<string, unknown>> {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-usb-'));
  try {
    const core = openCore(ctx.dataDir);
    ctx.log('quick_check of the catalog (part of every open)');
    const quick = timeMs(() => core.db.pragma('quick_check'));
    ctx.log('backup snapshot (SQLite online backup + integrity_check of the copy)');
    const snapshot = await timeMsAsync(() => backupNow(core, 'manual'));
    ctx.log('archive for a USB stick (database + photos, read back and checked)');
    const archive = await timeMsAsync(() => exportArchiveTo(core, usb));
    core.close();
    ctx.log('restore from the archive (verify, pre-restore backup, swap)');
    const restore = await timeMsAsync(() => restoreDataFolder(ctx.dataDir, archive.result.file));

    ctx.log(`crash harness: ${options.kills} SIGKILLs`);
    const crash = await runCrashHarness({ kills: options.kills, log: ctx.log });
    ctx.log(`API fuzz: ${options.fuzzRunsPerMethod} inputs per method`);
    const fuzz = await runApiFuzz({ runsPerMethod: options.fuzzRunsPerMethod });
    return {
      quickCheckMs: Math.round(quick.ms),
      backupSnapshotMs: Math.round(snapshot.ms),
      backupSnapshotMiB: Math.round((snapshot.result.snapshot.bytes / 2 ** 20) * 10) / 10,
      usbArchiveMs: Math.round(archive.ms),
      usbArchiveMiB: Math.round((archive.result.bytes / 2 ** 20) * 10) / 10,
      restoreMs: Math.round(restore.ms),
      crashHarness: {
        kills: crash.kills,
        killsSurvived: crash.survived,
        operationsReported: crash.reportedOperations,
        operationsLost: crash.operationsLost,
        integrityFailures: crash.integrityFailures,
        halfWrittenRecords: crash.halfWrittenRecords,
        seconds: crash.seconds,
        seed: crash.seed,
      },
      apiFuzz: {
        methods: fuzz.methods,
        callsTried: fuzz.callsTried,
        crashes: fuzz.crashes,
        failedCallsThatChangedData: fuzz.failedCallsThatChangedData,
        ownerFieldsShownToStaff: fuzz.ownerFieldsShownToStaff,
        validResults: fuzz.validResults,
        structuredErrors: fuzz.structuredErrors,
        seconds: fuzz.seconds,
        seed: fuzz.seed,
      },
    };
  } finally {
    fs.rmSync(usb, { recursive: true, force: true });
  }
}
