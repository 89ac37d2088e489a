/**
 * Renders a document model (JSON) in a fresh process, as the CLI or the core
 * process would after a start, and prints what it took as JSON.
 * Usage: node --import tsx tests/helpers/renderPiWorker.ts MODEL.json OUT.pdf [LAYOUT_CACHE_DIR|-] [lang]
 * With SK_TEST_SLOW_FIRST_INFLATE=1 the first zlib.inflate answers 200 ms late, as when its thread is
 * descheduled under load: pdfkit then writes the transparent PNGs in the other order.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import zlib from 'node:zlib';

if (process.env.SK_TEST_SLOW_FIRST_INFLATE) {
  // Before pdfkit (png-js keeps zlib.inflate when it loads): the modules below are imported after this.
  const inflate = zlib.inflate;
  let first = true;
  (zlib as { inflate: unknown }).inflate = (data: zlib.InputType, callback: (error: Error | null, result: Buffer) => void) => {
    const late = first;
    first = false;
    inflate(data, (error, result) => (late ? setTimeout(() => callback(error, result), 200) : callback(error, result)));
  };
  syncBuiltinESMExports(); // png-js imports { inflate } by name
}
const { renderDocument } = await import('../../main/documents/render');
const { flushLayoutCache, layoutCacheStats, setLayoutCacheDir } = await import('../../main/documents/layoutCache');
const { isFontLoaded, SCRIPTS } = await import('../../main/documents/fonts');

const [modelFile, out, cacheDir, lang] = process.argv.slice(2);
if (!modelFile || !out) throw new Error('usage: renderPiWorker MODEL.json OUT.pdf [CACHE_DIR|-] [lang]');
if (cacheDir && cacheDir !== '-') setLayoutCacheDir(cacheDir);
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const started = performance.now();
const rendered = await renderDocument(model, { lang: (lang ?? 'en') as 'en' });
const ms = performance.now() - started;
fs.writeFileSync(out, rendered.pdf);
flushLayoutCache();
const fonts = SCRIPTS.flatMap((s) => [s, `${s}-bold`]).filter((k) => isFontLoaded(k as never));
process.stdout.write(`${JSON.stringify({ ms, ...layoutCacheStats(), fonts })}\n`);
