import { type MethodContext, staff } from '../api/method';
import { invalid, m } from '../errors/apiError';
import { photosFor } from '../../db/products';
import { imageUrls } from '../files/imageStore';
import { updateProduct } from '../products/service';
import { adjustSchema, countSchema, historySchema, lowStockSchema, receiveSchema, thresholdSchema } from './schema';
import * as stock from './service';

const view = (ctx: MethodContext) => ({ includeCost: ctx.session.role === 'owner' });

function notFuture(ctx: MethodContext, movedAt: string | undefined): void {
  if (movedAt && Date.parse(movedAt) > ctx.core.now().getTime() + 24 * 3600 * 1000) {
    throw invalid('movedAt', m('stock.future'));
  }
}

/** After a movement: the product's level now. */
function result(ctx: MethodContext, productId: number, moveId: number | null) {
  return { moveId, productId, level: stock.level(ctx.core, productId) };
}

export const stockMethods = {
  'stock.receive': staff('Goods in: adds pieces to on hand, with a reference (delivery note, factory) and a note.', receiveSchema, (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.receive(ctx.core, input));
    }),
  'stock.adjust': staff('Corrects on hand by a signed quantity (found, broken, lost, samples) with a reason.', adjustSchema, (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.adjust(ctx.core, input));
    }),
  'stock.count': staff('A stock count: on hand becomes the counted quantity through one adjustment of the difference.', countSchema, (input, ctx) => {
      notFuture(ctx, input.movedAt);
      return result(ctx, input.productId, stock.count(ctx.core, input));
    }),
  'stock.history': staff('Stock movements, newest first, with the balance after each; one product or all, by kind and date.', historySchema, (input, ctx) => stock.history(ctx.core, input), { readOnly: true }),
  'stock.lowList': staff('Active products whose available stock is at or below their low-stock threshold, the largest shortfall first.', lowStockSchema, (input, ctx) =>
      stock.lowStockList(ctx.core, input, (ids) => {
        const covers = new Map<number, string>();
        for (const p of photosFor(ctx.core.db, ids)) if (p.position === 0) covers.set(p.product_id, imageUrls(p.image_hash).thumbUrl);
        return covers;
      }), { readOnly: true }),
  'stock.setThreshold': staff('Sets the low-stock threshold of a product (null: no alert).', thresholdSchema, (input, ctx) => {
      stock.requireProduct(ctx.core, input.productId, 'productId');
      const p = updateProduct(ctx.core, input.productId, { lowStockAt: input.lowStockAt }, view(ctx));
      return { productId: p.id, lowStockAt: p.lowStockAt, level: p.stock };
    }),
};
