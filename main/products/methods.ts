import { z } from 'zod';
import { type MethodContext, method, owner, staff } from '../api/method';
import { m } from '../errors/apiError';
import { imageUploadSchema } from '../settings/schema';
import { decodeBase64Image, storeImage, type StoredImage } from '../files/imageStore';
import { listCategories } from '../../db/products';
import { itemNoSchema, productCreateSchema, productDuplicateSchema, productSearchSchema, productUpdateSchema } from './schema';
import { searchProducts } from './search';
import * as products from './service';

const view = (ctx: MethodContext): products.ViewOptions => ({ includeCost: ctx.session.role === 'owner' });
const isStaff = (ctx: MethodContext) => ctx.session.role !== 'owner';
const id = z.number().int().positive();

export const productsMethods = {
  'products.create': staff('Adds a product: item no (unique), names, packing, price tiers in CNY, barcode…', productCreateSchema, (input, ctx) => {
      // Staff add products with their prices, but never set the owner's cost price.
      if (isStaff(ctx) && input.costCny !== undefined) throw products.ownerOnlyField('costCny');
      return products.createProduct(ctx.core, input, view(ctx));
    }),
  'products.update': staff('Changes fields of a product; omitted fields keep their value. Staff may not change the cost, the price tiers or the archived flag (403 naming the field).', productUpdateSchema, (input, ctx) => {
      if (isStaff(ctx)) {
        const field = products.ownerOnlyChange(ctx.core, input.id, input.changes);
        if (field) throw products.ownerOnlyField(`changes.${field}`);
      }
      return products.updateProduct(ctx.core, input.id, input.changes, view(ctx));
    }),
  'products.get': staff('One product by id or by item no, with price tiers, packing, photos and stock.', z.union([z.strictObject({ id }), z.strictObject({ itemNo: itemNoSchema })]), (input, ctx) =>
      'id' in input ? products.getProduct(ctx.core, input.id, view(ctx)) : products.getProductByItemNo(ctx.core, input.itemNo, view(ctx)), { readOnly: true }),
  'products.list': staff('Products by item no, a page at a time, optionally one category; archived ones only when asked.', z.strictObject({
      category: z.string().max(80).optional(),
      includeArchived: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }), (input, ctx) => products.listProducts(ctx.core, input, view(ctx)), { readOnly: true }),
  'products.search': staff('One search box: exact item no or barcode, item-no prefix, then words in any language (Chinese substrings of any length); results with cover thumbnails.', productSearchSchema, (input, ctx) => searchProducts(ctx.core, input, view(ctx)), { readOnly: true, searches: true }),
  'products.archive': owner('Archives a product (owner only): hidden from search and lists, its history kept.', z.strictObject({ id }), (input, ctx) => products.setArchived(ctx.core, input.id, true, view(ctx)), { ownerOnly: m('products.onlyOwnerArchivesProducts') }),
  'products.unarchive': owner('Brings an archived product back into search and lists (owner only).', z.strictObject({ id }), (input, ctx) => products.setArchived(ctx.core, input.id, false, view(ctx)), { ownerOnly: m('products.onlyOwnerBringsArchived') }),
  'products.duplicate': staff('Same item, new colour: copies a product (fields, price tiers, photos) under a new item no with the given changes.', productDuplicateSchema, (input, ctx) => {
      const changes = { ...(input.changes ?? {}), itemNo: input.itemNo };
      if (isStaff(ctx) && changes.costCny !== undefined) throw products.ownerOnlyField('changes.costCny');
      return products.duplicateProduct(ctx.core, input.id, changes, input.copyPhotos ?? true, view(ctx));
    }),
  'products.categories': staff('The categories in use, with how many active products each has.', z.strictObject({}), (_input, ctx) => listCategories(ctx.core.db), { readOnly: true }),
  'products.addPhotos': method({
    summary: 'Adds photos to a product (JPEG, PNG, WebP; large ones are downscaled); the first photo is the cover.',
    access: 'staff',
    input: z.strictObject({ id, images: z.array(imageUploadSchema).min(1).max(12) }),
    prepare: async (input, ctx): Promise<StoredImage[]> => {
      const stored: StoredImage[] = [];
      for (const [i, image] of input.images.entries()) {
        const field = `images.${i}.dataBase64`;
        stored.push(await storeImage(ctx.core.paths.photos, decodeBase64Image(image.dataBase64, field), 'photo', field));
      }
      return stored;
    },
    handler: (input, ctx, stored) => products.addPhotos(ctx.core, input.id, stored, view(ctx)),
  }),
  'products.setPhotos': staff('Reorders or removes photos: the listed image hashes, in order, become the photos (the first is the cover).', z.strictObject({ id, photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(24) }), (input, ctx) => products.setPhotos(ctx.core, input.id, input.photos, view(ctx))),
};
