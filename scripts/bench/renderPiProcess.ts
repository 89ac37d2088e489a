/**
 * One PI in a fresh process, as the CLI or a newly started core process
 * renders it: the modules are loaded first (not timed), then the first
 * render is timed. Prints { ms, hits, misses, fonts } as JSON.
 * The benchmark runs it bundled as the core process is (dist/bench/renderPiProcess.mjs, built by
 * scripts/bench/documents.ts); from source: node --import tsx scripts/bench/renderPiProcess.ts MODEL.json OUT.pdf [LAYOUT_CACHE_DIR|-]
 */
import fs from 'node:fs';
import { renderDocument } from '../../main/documents/render';
import { flushLayoutCache, layoutCacheStats, setLayoutCacheDir } from '../../main/documents/layoutCache';
import { isFontLoaded, SCRIPTS } from '../../main/documents/fonts';

const [modelFile, out, cacheDir] = process.argv.slice(2);
if (!modelFile || !out) throw new Error('usage: renderPiProcess MODEL.json OUT.pdf [CACHE_DIR|-]');
if (cacheDir && cacheDir !== '-') setLayoutCacheDir(cacheDir);
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const started = process.hrtime.bigint();
const rendered = await renderDocument(model, { lang: 'en' });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
fs.writeFileSync(out, rendered.pdf);
flushLayoutCache();
const fonts = SCRIPTS.flatMap((s) => [s, `${s}-bold`]).filter((k) => isFontLoaded(k as never));
process.stdout.write(`${JSON.stringify({ ms, ...layoutCacheStats(), fonts, processMs: process.uptime() * 1000 })}\n`);
