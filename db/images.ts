import type { Db } from './open';

export interface ImageRow {
  hash: string;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  bytes: number;
}

export function insertImage(db: Db, image: ImageRow): void {
  db.prepare(
    `INSERT INTO images (hash, mime, width, height, bytes)
     VALUES (@hash, @mime, @width, @height, @bytes)
     ON CONFLICT (hash) DO NOTHING`,
  ).run(image);
}

export function getImage(db: Db, hash: string): ImageRow | undefined {
  return db
    .prepare<[string], ImageRow>('SELECT hash, mime, width, height, bytes FROM images WHERE hash = ?')
    .get(hash);
}
