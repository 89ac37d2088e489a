import type { Db } from './open';

/**
 * Runs fn in a deferred transaction with writes refused (PRAGMA query_only):
 * a read never takes the write lock, so it is answered while another
 * connection writes (WAL), and a read that tries to write fails loudly.
 */
export function readTransaction<T>(db: Db, fn: () => T): T {
  db.pragma('query_only = ON');
  try {
    return db.transaction(fn).deferred();
  } finally {
    db.pragma('query_only = OFF');
  }
}

/** Runs fn in one write transaction that takes the write lock at its start (BEGIN IMMEDIATE). */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
