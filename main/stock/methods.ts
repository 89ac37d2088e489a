import { method, type MethodContext } from '../api/method';
import { invalid, msg } from '../api/errors';
import { photosFor } from '../../db/products';
import { imageUrls } from '../files/imageStore';
import { updateProduct } from '../products/service';
import { adjustSchema, countSchema, historySchema, lowStockSchema, receiveSchema, thresholdSchema } from './schema';
import * as stock from './service';

const view = (ctx: MethodContext) => ({ includeCost: ctx.session.role === 'owner' });

function notFuture(ctx: MethodContext, movedAt: string | undefined): void {
  if (movedAt && Date.parse(movedAt) > ctx.core.now().getTime() + 24 * 3600 * 1000) {
    throw invalid('movedAt', msg('is in the future', '不能是将来的时间'));
  }
}

/** After a movement: the product's level now. */
function result(ctx: MethodContext, productId: number, moveId: number | null) {
  return { moveId, productId, level: stock.level(ctx.core, productId) };
}

export const stockMethods = {
  'stock.receive': method({
    summary: 'Goods in: adds pieces to on hand, with a reference (delivery note, factory) and a note.',
    access: 'staff',
    input: receiveSchema,
    handler: (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.receive(ctx.core, input));
    },
  }),
  'stock.adjust': method({
    summary: 'Corrects on hand by a signed quantity (found, broken, lost, samples) with a reason.',
    access: 'staff',
    input: adjustSchema,
    handler: (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.adjust(ctx.core, input));
    },
  }),
  'stock.count': method({
    summary: 'A stock count: on hand becomes the counted quantity through one adjustment of the difference.',
    access: 'staff',
    input: countSchema,
    handler: (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.count(ctx.core, input));
    },
  }),
  'stock.history': method({
    summary: 'Stock movements, newest first, with the balance after each; one product or all, by kind and date.',
    access: 'staff',
    readOnly: true,
    input: historySchema,
    handler: (input, ctx) => stock.history(ctx.core, input),
  }),
  'stock.lowList': method({
    summary: 'Active products whose available stock is at or below their low-stock threshold, the largest shortfall first.',
    access: 'staff',
    readOnly: true,
    input: lowStockSchema,
    handler: (input, ctx) =>
      stock.lowStockList(ctx.core, input, (ids) => {
        const covers = new Map<number, string>();
        for (const p of photosFor(ctx.core.db, ids)) if (p.position === 0) covers.set(p.product_id, imageUrls(p.image_hash).thumbUrl);
        return covers;
      }),
  }),
  'stock.setThreshold': method({
    summary: 'Sets the low-stock threshold of a product (null: no alert).',
    access: 'staff',
    input: thresholdSchema,
    handler: (input, ctx) => {
      stock.requireProduct(ctx.core, input.productId, 'productId');
      const p = updateProduct(ctx.core, input.productId, { lowStockAt: input.lowStockAt }, view(ctx));
      return { productId: p.id, lowStockAt: p.lowStockAt, level: p.stock };
    },
  }),
};
