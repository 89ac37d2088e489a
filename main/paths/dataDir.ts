import fs from 'node:fs';
import path from 'node:path';

/** Where one stall's data lives. Every entry point takes it as a parameter. */
export interface DataPaths {
  root: string;
  database: string;
  photos: string;
  backups: string;
  documents: string;
}

export function dataPaths(root: string): DataPaths {
  const abs = path.resolve(root);
  return {
    root: abs,
    database: path.join(abs, 'stallkeeper.db'),
    photos: path.join(abs, 'photos'),
    backups: path.join(abs, 'backups'),
    documents: path.join(abs, 'documents'),
  };
}

export function ensureDataDir(root: string): DataPaths {
  const paths = dataPaths(root);
  for (const dir of [paths.root, paths.photos, paths.backups, paths.documents]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return paths;
}
