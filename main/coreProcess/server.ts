import { openCore, type Core } from '../core';
import { pcSession } from '../auth/service';
import { DataProblemError } from '../backup/integrity';
import { DataFolderBusyError } from '../backup/lock';
import { restoreDataFolder } from '../backup/restore';
import { BackupScheduler } from '../backup/scheduler';
import { warmUpFontsSoon } from '../documents/text';
import { layoutCacheDirIn, setLayoutCacheDir } from '../documents/layoutCache';
import { JobRunner } from '../jobs/runner';
import { configureLogging, logError, logInfo, logsDirOf } from '../logging/log';
import { createLanControl } from '../server/lanListener';
import { getSecurity } from '../../db/auth';
import { CallTracker } from './calls';
import type { CorePort, FromCore, OpenProblem, ToCore } from './protocol';
import { say } from '../errors/apiError';

export interface CoreProcessOptions {
  /** The built renderer, for the local-network listener. */
  rendererDir: string;
  /** Exit the process once closed (the real core process; not in tests that run it in line). */
  exit?: (code: number) => void;
  /** No automatic backups (tests). */
  backups?: boolean;
}

/**
 * The core process: opens the data folder when asked, answers calls of the
 * API table (each as the person at the shop PC, with progress and cancel),
 * and runs what lives with the database: the backup scheduler, the
 * local-network listener, imports on a worker thread, the font warm-up.
 */
export function runCoreProcess(port: CorePort, options: CoreProcessOptions): void {
  let core: Core | null = null;
  let scheduler: BackupScheduler | null = null;
  const calls = new CallTracker();
  const questions = new Map<number, (value: unknown) => void>();
  let nextQuestion = 1;
  const post = (message: FromCore) => port.post(message);

  const ask = (question: 'chooseFolder'): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextQuestion++;
      questions.set(id, resolve);
      post({ kind: 'ask', id, question });
    });

  const open = (dataDir: string, allowNewDatabase: boolean) => {
    if (core) {
      post({ kind: 'opened', info: { dataDir: core.paths.root, photosDir: core.paths.photos, logDir: logsDirOf(core.paths.root) } });
      return;
    }
    configureLogging({ dir: logsDirOf(dataDir), process: 'core' });
    let opened: Core;
    try {
      opened = openCore(dataDir, { door: 'electron', ...(allowNewDatabase ? { allowNewDatabase: true } : {}) });
    } catch (error) {
      post({ kind: 'open-failed', problem: problemOf(error) });
      return;
    }
    core = opened;
    opened.jobs = new JobRunner(dataDir, { now: opened.now });
    const lan = createLanControl(opened, options.rendererDir);
    opened.door.lan = lan;
    opened.door.chooseFolder = async () => {
      const value = await ask('chooseFolder');
      return typeof value === 'string' ? value : null;
    };
    opened.door.afterRestore = () => post({ kind: 'event', event: 'afterRestore' });
    if (getSecurity(opened.db).lan_enabled === 1) void lan.start();
    if (options.backups !== false) {
      scheduler = new BackupScheduler(opened, { log: (line) => logInfo(line) });
      void scheduler.start();
    }
    setLayoutCacheDir(layoutCacheDirIn(opened.paths.root));
    warmUpFontsSoon();
    logInfo('core opened the data folder', { pid: process.pid });
    post({ kind: 'opened', info: { dataDir: opened.paths.root, photosDir: opened.paths.photos, logDir: logsDirOf(opened.paths.root) } });
  };

  const close = async () => {
    const closing = core;
    core = null;
    try {
      await scheduler?.stop();
      await closing?.door.lan?.stop();
    } catch (error) {
      logError('core: closing failed', error);
    }
    closing?.close();
    post({ kind: 'closed' });
    options.exit?.(0);
  };

  port.onMessage((message: ToCore) => {
    switch (message.kind) {
      case 'open':
        open(message.dataDir, message.allowNewDatabase === true);
        return;
      case 'restore':
        restoreDataFolder(message.dataDir, message.file).then(
          () => post({ kind: 'restored', id: message.id }),
          (error: unknown) => post({ kind: 'restored', id: message.id, error: error instanceof Error ? error.message : String(error) }),
        );
        return;
      case 'call': {
        const open = core;
        if (!open) {
          post({ kind: 'result', id: message.id, outcome: { ok: false, error: { code: 'unavailable', message: say(message.locale, 'coreProcess.dataFolderNotOpen') } } });
          return;
        }
        void calls
          .run(open, message.method, message.input, {
            session: pcSession(open),
            locale: message.locale,
            ...(message.callId ? { callId: message.callId } : {}),
            progress: (progress) => post({ kind: 'progress', id: message.id, method: message.method, ...(message.callId ? { callId: message.callId } : {}), progress }),
          })
          .then((outcome) => post({ kind: 'result', id: message.id, outcome }));
        return;
      }
      case 'cancel':
        calls.cancel(message.callId);
        return;
      case 'answer':
        questions.get(message.id)?.(message.value);
        questions.delete(message.id);
        return;
      case 'close':
        void close();
        return;
    }
  });
  post({ kind: 'ready', pid: process.pid });
}

function problemOf(error: unknown): OpenProblem {
  if (error instanceof DataFolderBusyError) return { type: 'busy', message: error.message };
  if (error instanceof DataProblemError) {
    const backup = error.newestGoodBackup;
    return {
      type: 'data',
      kind: error.kind,
      message: error.explanation,
      newestGoodBackup: backup ? { file: backup.file, takenAt: backup.takenAt, name: backup.name } : null,
    };
  }
  logError('core: the data folder could not be opened', error);
  return { type: 'error', message: error instanceof Error ? error.message : String(error) };
}
