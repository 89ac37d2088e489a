import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type Chromium } from './browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { seedQuoteStall } from '../helpers/quoteStall';

export type QuoteStall = Awaited<ReturnType<typeof seedQuoteStall>>;

/** What most end-to-end files start from: browser mode on a test server, the quote stall in it, and Chromium. */
export interface QuoteStallInChromium {
  server: TestServer;
  stall: QuoteStall;
  chromium: Chromium;
}

/**
 * Starts them before the file's tests (in a beforeAll registered here, so a file's own beforeAll
 * after this call can use them) and closes them after. The fields are set once the hook has run.
 */
export function useQuoteStallInChromium(): QuoteStallInChromium {
  const ctx = {} as QuoteStallInChromium;
  beforeAll(async () => {
    ctx.server = await startTestServer();
    ctx.stall = await seedQuoteStall(ctx.server.core);
    ctx.chromium = await launchChromium();
  });
  afterAll(async () => {
    await ctx.chromium?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
