/**
 * The walk-in buyer, timed end to end in Chromium at 1366×768 on a demo stall:
 * a new buyer from a WhatsApp number, five lines (one scanned), accept, PI, and
 * the PDF in the buyer's language (Arabic), all from the keyboard. Prints the
 * keystrokes (typed and from the scanner), the clicks, the keystroke-level-model
 * estimate of a person's time and the app's own response times.
 *
 *   npx tsx scripts/bench/walkIn.ts            (one JSON object on stdout)
 *   npm run bench -- --walk-in                 (the same, as the walkIn section)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { openCore } from '../../main/core';
import { fillDemo } from '../../main/demo/fill';
import { invoke } from '../../main/api/invoke';
import { ensureRendererBuilt } from '../../main/server/renderer';
import { startServer } from '../../main/server/server';
import { launchChromium, newShopPage } from '../../tests/e2e/browser';

/**
 * Keystroke-level model (Card, Moran & Newell): K a keystroke of an average typist, M mental
 * preparation before each field value or command, H moving a hand between keyboard and mouse or
 * scanner, P pointing with the mouse, B a mouse button press. A scan costs H (take the scanner)
 * plus aiming it, and none of its keystrokes.
 */
export const KLM = { K: 0.28, M: 1.35, H: 0.4, P: 1.1, B: 0.1, aimScanner: 1.1 } as const;

interface Step {
  label: string;
  keys: string[];
  /** The scanner's keys (a keyboard wedge): counted, but not as a person's keystrokes. */
  scanner?: boolean;
  /** A mental operator before the step (a field value or a command). */
  mental: boolean;
  /** What the screen shows when the app has answered. */
  done: (page: Page) => Promise<unknown>;
}

const chars = (text: string) => [...text];

/** A chord (Alt+A) is two keystrokes. */
const keystrokes = (keys: string[]) => keys.reduce((n, k) => n + (k.includes('+') && k.length > 1 ? k.split('+').length : 1), 0);

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
  })()`);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 30_000) throw new Error(`walk-in bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function benchWalkIn(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-walkin-'));
  const core = openCore(dataDir);
  const rendererDir = await ensureRendererBuilt(log);
  log('walk-in: filling a demo stall');
  await fillDemo(core);
  const scanned = (await invoke(core, 'products.list', { limit: 500 })).items.find((p) => p.itemNo === '05103');
  if (!scanned?.barcode) throw new Error('walk-in bench: the demo product 05103 has no barcode');
  const server = await startServer({ core, rendererDir, port: 0 });
  const chromium = await launchChromium();
  try {
    const { page } = await newShopPage(chromium.browser, { language: 'en' });
    await page.goto(`${server.openUrl}#/quotes`);
    await page.getByTestId('quotes-page').waitFor();
    await page.getByTestId('new-quote').waitFor();
    let lines = 0;
    const linesShown = (n: number) => async () => (await page.locator('[data-testid^="amount-"]').count()) === n;
    const line = (itemNo: string, qty: string | null): Step[] => {
      lines += 1;
      const n = lines;
      return [
        { label: `item ${itemNo}`, keys: [...chars(itemNo), 'Enter'], mental: true, done: () => until(async () => /^qty-\d+$/.test((await focusedTestId(page)) ?? ''), `the quantity of ${itemNo}`) },
        {
          label: `quantity ${qty ?? 'MOQ'}`,
          keys: qty ? [...chars(qty), 'Enter'] : ['Enter'],
          mental: qty !== null,
          done: () => until(async () => (await linesShown(n)()) && (await focusedTestId(page)) === 'quote-search', `line ${n}`),
        },
      ];
    };
    const steps: Step[] = [
      { label: 'new quotation', keys: ['Alt+N'], mental: true, done: () => page.getByTestId('new-quote-buyer').waitFor() },
      { label: 'new buyer', keys: ['Alt+N'], mental: false, done: () => until(async () => (await focusedTestId(page)) === 'new-buyer-whatsapp', 'the WhatsApp box') },
      { label: 'WhatsApp', keys: [...chars('+971501234567'), 'Enter'], mental: true, done: () => until(async () => (await focusedTestId(page)) === 'quote-search', 'the quote screen') },
      ...line('02103', '1200'),
      ...line('09103', '1000'),
      ...line('01103', null),
      ...((lines += 1), []),
      {
        label: 'scan',
        keys: [...chars(scanned.barcode), 'Enter'],
        scanner: true,
        mental: true,
        done: () => until(async () => (await page.locator('[data-testid^="amount-"]').count()) === 4, 'the scanned line'),
      },
      ...line('04103', '24'),
      { label: 'accept', keys: ['Alt+A'], mental: true, done: () => page.getByTestId('quote-make-pi').waitFor() },
      { label: 'make PI', keys: ['Alt+P'], mental: true, done: () => page.getByTestId('invoice-screen').waitFor() },
      { label: 'PDF panel', keys: ['Alt+D'], mental: true, done: () => page.getByTestId('document-options').waitFor() },
    ];
    const timings: Array<{ step: string; responseMs: number }> = [];
    let typed = 0;
    let scannerKeys = 0;
    let mental = 0;
    let scans = 0;
    for (const step of steps) {
      // A person's keys come at least 60 ms apart (else the search box takes them for a scanner); the
      // time a person needs is the model's, not these delays.
      for (const key of step.keys) {
        await page.keyboard.press(key);
        if (!step.scanner) await page.waitForTimeout(60);
      }
      const started = performance.now();
      await step.done(page);
      timings.push({ step: step.label, responseMs: Math.round(performance.now() - started) });
      if (step.scanner) {
        scannerKeys += keystrokes(step.keys);
        scans += 1;
      } else typed += keystrokes(step.keys);
      if (step.mental) mental += 1;
    }
    // The document language is the buyer's (Arabic, from +971): Enter downloads it.
    const lang = await page.getByTestId('document-lang').innerText();
    const started = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    timings.push({ step: 'download PDF', responseMs: Math.round(performance.now() - started) });
    typed += 1;
    const fileName = download.suggestedFilename();
    const clicks = 0;
    const appMs = timings.reduce((sum, t) => sum + t.responseMs, 0);
    const personSeconds = typed * KLM.K + mental * KLM.M + scans * (KLM.H + KLM.aimScanner) + clicks * (KLM.H + KLM.P + KLM.B);
    const pi = (await invoke(core, 'invoices.list', {})).items.find((i) => i.buyer.country === 'AE' && i.buyer.company.startsWith('walk-in'));
    return {
      viewport: '1366x768',
      keystrokes: { total: typed + scannerKeys, typed, scanner: scannerKeys },
      clicks,
      mentalOperators: mental,
      klm: KLM,
      klmEstimateSeconds: Math.round((personSeconds + appMs / 1000) * 10) / 10,
      klmPersonSeconds: Math.round(personSeconds * 10) / 10,
      appResponseMs: { total: appMs, steps: timings },
      documentLanguage: lang,
      pdfFileName: fileName,
      pi: pi ? { number: pi.number, lines: 5, grandTotal: `${pi.currency} ${pi.grandTotal}` } : null,
    };
  } finally {
    await chromium.close();
    await server.close();
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchWalkIn()
    .then((figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`walk-in bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
