import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import * as q from '../../db/products';
import { imageFile } from '../files/imageStore';

/** File name of a product's photo: 00123.jpg for the cover, 00123-2.jpg for the second… */
export function photoFileName(itemNo: string, position: number, ext: string): string {
  const safe = itemNo.replace(/[/\\:*?"<>|]/g, '_');
  return `${safe}${position === 0 ? '' : `-${position + 1}`}${ext}`;
}

/** Copies every product's photos into a folder under names import-products --photos reads. Returns the count. */
export function exportPhotos(core: Core, dir: string): number {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const batch of q.allProducts(core.db)) {
    const items = new Map(batch.map((r) => [r.id, r.item_no]));
    for (const p of q.photosFor(core.db, [...items.keys()])) {
      const file = imageFile(core.paths.photos, p.image_hash, 'image/jpeg');
      const png = imageFile(core.paths.photos, p.image_hash, 'image/png');
      const source = fs.existsSync(file) ? file : png;
      if (!fs.existsSync(source)) continue;
      fs.copyFileSync(source, path.join(dir, photoFileName(items.get(p.product_id) as string, p.position, path.extname(source))));
      n += 1;
    }
  }
  return n;
}
