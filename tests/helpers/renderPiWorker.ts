/**
 * Renders a document model (JSON) in a fresh process, as the CLI or the core
 * process would after a start, and prints what it took as JSON.
 * Usage: node --import tsx tests/helpers/renderPiWorker.ts MODEL.json OUT.pdf [LAYOUT_CACHE_DIR|-] [lang]
 */
import fs from 'node:fs';
import { renderDocument } from '../../main/documents/render';
import { flushLayoutCache, layoutCacheStats, setLayoutCacheDir } from '../../main/documents/layoutCache';
import { isFontLoaded, SCRIPTS } from '../../main/documents/fonts';

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
