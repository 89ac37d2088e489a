import { openCore } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import type { BenchContext } from './index';
import { measure, timeMs } from './stats';

/** The foundation's figures: opening the database, paging the product list, one product by item no. */
export async function benchCore(ctx: BenchContext): Promise<Record<string, unknown>> {
  ctx.log('opening the database');
  const open = timeMs(() => openCore(ctx.dataDir));
  const core = open.result;
  try {
    ctx.log('products.list and products.get');
    const pages = Math.floor(ctx.products / 50);
    return {
      openDatabaseMs: Math.round(open.ms * 10) / 10,
      productsList50: await measure(100, (i) => invoke(core, 'products.list', { limit: 50, offset: ((i * 7919) % pages) * 50 })),
      productsGetByItemNo: await measure(200, (i) => invoke(core, 'products.get', { itemNo: String(1 + ((i * 7919) % ctx.products)).padStart(6, '0') })),
    };
  } finally {
    core.close();
  }
}
