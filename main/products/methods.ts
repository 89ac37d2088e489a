import { z } from 'zod';
import { method, type MethodContext } from '../api/method';
import { msg } from '../api/errors';
import { imageUploadSchema } from '../settings/schema';
import { decodeBase64Image, storeImage, type StoredImage } from '../files/imageStore';
import { listCategories } from '../../db/products';
import { itemNoSchema, productCreateSchema, productDuplicateSchema, productSearchSchema, productUpdateSchema } from './schema';
import { searchProducts } from './search';
import { importsMethods } from '../imports/methods';
import { labelsMethods } from '../labels/methods';
import * as products from './service';

const view = (ctx: MethodContext): products.ViewOptions => ({ includeCost: ctx.session.role === 'owner' });
const staff = (ctx: MethodContext) => ctx.session.role !== 'owner';
const id = z.number().int().positive();

export const productsMethods = {
  'products.create': method({
    summary: 'Adds a product: item no (unique), names, packing, price tiers in CNY, barcode…',
    access: 'staff',
    input: productCreateSchema,
    handler: (input, ctx) => {
      // Staff add products with their prices, but never set the owner's cost price.
      if (staff(ctx) && input.costCny !== undefined) throw products.ownerOnlyField('costCny');
      return products.createProduct(ctx.core, input, view(ctx));
    },
  }),
  'products.update': method({
    summary: 'Changes fields of a product; omitted fields keep their value. Staff may not change the cost, the price tiers or the archived flag (403 naming the field).',
    access: 'staff',
    input: productUpdateSchema,
    handler: (input, ctx) => {
      if (staff(ctx)) {
        const field = products.ownerOnlyChange(ctx.core, input.id, input.changes);
        if (field) throw products.ownerOnlyField(`changes.${field}`);
      }
      return products.updateProduct(ctx.core, input.id, input.changes, view(ctx));
    },
  }),
  'products.get': method({
    summary: 'One product by id or by item no, with price tiers, packing, photos and stock.',
    access: 'staff',
    readOnly: true,
    input: z.union([z.strictObject({ id }), z.strictObject({ itemNo: itemNoSchema })]),
    handler: (input, ctx) =>
      'id' in input ? products.getProduct(ctx.core, input.id, view(ctx)) : products.getProductByItemNo(ctx.core, input.itemNo, view(ctx)),
  }),
  'products.list': method({
    summary: 'Products by item no, a page at a time, optionally one category; archived ones only when asked.',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({
      category: z.string().max(80).optional(),
      includeArchived: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    handler: (input, ctx) => products.listProducts(ctx.core, input, view(ctx)),
  }),
  'products.search': method({
    summary: 'One search box: exact item no or barcode, item-no prefix, then words in any language (Chinese substrings of any length); results with cover thumbnails.',
    access: 'staff',
    readOnly: true,
    searches: true,
    input: productSearchSchema,
    handler: (input, ctx) => searchProducts(ctx.core, input, view(ctx)),
  }),
  'products.archive': method({
    summary: 'Archives a product (owner only): hidden from search and lists, its history kept.',
    access: 'owner',
    ownerOnly: msg('Only the owner archives products', '只有店主可以归档产品'),
    input: z.strictObject({ id }),
    handler: (input, ctx) => products.setArchived(ctx.core, input.id, true, view(ctx)),
  }),
  'products.unarchive': method({
    summary: 'Brings an archived product back into search and lists (owner only).',
    access: 'owner',
    ownerOnly: msg('Only the owner brings archived products back', '只有店主可以恢复已归档的产品'),
    input: z.strictObject({ id }),
    handler: (input, ctx) => products.setArchived(ctx.core, input.id, false, view(ctx)),
  }),
  'products.duplicate': method({
    summary: 'Same item, new colour: copies a product (fields, price tiers, photos) under a new item no with the given changes.',
    access: 'staff',
    input: productDuplicateSchema,
    handler: (input, ctx) => {
      const changes = { ...(input.changes ?? {}), itemNo: input.itemNo };
      if (staff(ctx) && changes.costCny !== undefined) throw products.ownerOnlyField('changes.costCny');
      return products.duplicateProduct(ctx.core, input.id, changes, input.copyPhotos ?? true, view(ctx));
    },
  }),
  'products.categories': method({
    summary: 'The categories in use, with how many active products each has.',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({}),
    handler: (_input, ctx) => listCategories(ctx.core.db),
  }),
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
  'products.setPhotos': method({
    summary: 'Reorders or removes photos: the listed image hashes, in order, become the photos (the first is the cover).',
    access: 'staff',
    input: z.strictObject({ id, photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(24) }),
    handler: (input, ctx) => products.setPhotos(ctx.core, input.id, input.photos, view(ctx)),
  }),
  ...importsMethods,
  ...labelsMethods,
};
