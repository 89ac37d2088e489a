import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Core } from '../core';
import { appPath } from '../paths/appRoot';
import { getDefaults, getSeller } from '../settings/service';
import { describeError, logAs, logsDirOf, scrub } from '../logging/log';
import { getSecurity, listDevices } from '../../db/auth';
import { foreignKeyProblems, integrityProblems, rowCounts } from '../../db/backup';
import { schemaVersion } from '../../db/migrate';

/**
 * Diagnostics: what the page reports when one of its pages broke (written to
 * the day's log as the renderer), and the file a person saves from Settings
 * → Diagnostics for whoever helps them: the logs, versions, the settings
 * without secrets and a full integrity check of the database.
 */

export interface RendererReport {
  page: string;
  name: string;
  message: string;
  stack?: string | undefined;
  componentStack?: string | undefined;
}

function frames(stack: string | undefined, limit: number): string[] {
  return (stack ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^at /.test(l) || /@/.test(l))
    .slice(0, limit)
    .map((l) => scrub(l).slice(0, 240));
}

/** A page's render error, into the day's log (the message scrubbed; no data the page showed). */
export function reportRendererError(report: RendererReport): void {
  const lines = [...frames(report.stack, 10), ...frames(report.componentStack, 6).map((l) => `component ${l}`)];
  logAs('renderer', 'error', `page ${report.page} failed: ${report.name}: ${scrub(report.message).slice(0, 300)}${lines.length ? `\n    ${lines.join('\n    ')}` : ''}`, {
    page: report.page,
  });
}

function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The settings as the file shows them: the bank account and SWIFT code are left out, like every PIN hash and token. */
export function settingsWithoutSecrets(core: Core): Record<string, unknown> {
  const { bankAccount, bankSwift, ...seller } = getSeller(core);
  const security = getSecurity(core.db);
  return {
    seller: { ...seller, bankAccount: bankAccount ? '(set, not shown)' : '', bankSwift: bankSwift ? '(set, not shown)' : '' },
    defaults: getDefaults(core),
    security: {
      ownerPinSet: security.owner_pin_hash !== null,
      ownerIdleMinutes: security.owner_idle_minutes,
      localNetwork: security.lan_enabled === 1,
      pairedDevices: listDevices(core.db).filter((d) => d.revoked_at === null).length,
    },
  };
}

export interface IntegrityReport {
  ok: boolean;
  integrityCheck: string[];
  foreignKeys: string[];
  schemaVersion: number;
  databaseBytes: number;
  rows: Record<string, number>;
}

/** PRAGMA integrity_check (the full one) and foreign_key_check, with row counts per table. */
export function integrityReport(core: Core): IntegrityReport {
  let integrityCheck: string[];
  try {
    integrityCheck = integrityProblems(core.db);
  } catch (error) {
    integrityCheck = [describeError(error)];
  }
  const foreignKeys = foreignKeyProblems(core.db);
  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  return {
    ok: integrityCheck.length === 0 && foreignKeys.length === 0,
    integrityCheck,
    foreignKeys,
    schemaVersion: schemaVersion(core.db),
    databaseBytes: size(core.paths.database) + size(`${core.paths.database}-wal`),
    rows: rowCounts(core.db),
  };
}

export interface DiagnosticsFile {
  fileName: string;
  bytes: Buffer;
  entries: string[];
  integrity: IntegrityReport;
}

/** The zip: README.txt, versions.json, settings.json, integrity.json and logs/*.log. */
export async function diagnosticsBundle(core: Core, door: Record<string, string> = {}): Promise<DiagnosticsFile> {
  const zip = new JSZip();
  const now = core.now();
  const integrity = integrityReport(core);
  const versions = {
    app: appVersion(),
    node: process.versions.node,
    sqlite: process.versions.sqlite ?? '',
    platform: `${process.platform} ${process.arch}`,
    ...door,
    createdAt: now.toISOString(),
  };
  zip.file(
    'README.txt',
    [
      'Stallkeeper diagnostics',
      '',
      'versions.json   the app, its runtime and the operating system',
      'settings.json   the settings, without PINs, tokens, the bank account or SWIFT code',
      'integrity.json  a full check of the database (PRAGMA integrity_check, foreign keys) and row counts',
      'logs/           the log files of the last days (method names, error codes, ids; no customer data)',
      '',
    ].join('\n'),
  );
  zip.file('versions.json', `${JSON.stringify(versions, null, 2)}\n`);
  zip.file('settings.json', `${JSON.stringify(settingsWithoutSecrets(core), null, 2)}\n`);
  zip.file('integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
  const logs = logsDirOf(core.paths.root);
  if (fs.existsSync(logs)) {
    for (const name of fs.readdirSync(logs).filter((n) => n.endsWith('.log')).sort()) {
      zip.file(`logs/${name}`, fs.readFileSync(path.join(logs, name)));
    }
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `stallkeeper-diagnostics-${stamp}.zip`, bytes, entries: Object.keys(zip.files).filter((n) => !zip.files[n]?.dir).sort(), integrity };
}
