import { z } from 'zod';
import { staff } from '../api/method';
import { sampleTags } from './service';

export const labelsMethods = {
  'products.sampleTags': staff('A PDF of sample tags (A4 label sheet): item no, short name, price or price code, MOQ, barcode or QR; for listed products or a search.', z.strictObject({
      /** These products, in this order; otherwise what query/category finds. */
      productIds: z.array(z.number().int().positive()).min(1).max(2000).optional(),
      query: z.string().max(200).optional(),
      category: z.string().max(80).optional(),
      /** Tags per product. */
      copies: z.number().int().min(1).max(50).optional(),
      /** 3x8: 24 tags of 70×37 mm per A4; 2x5: 10 tags of 105×59 mm. */
      layout: z.enum(['3x8', '2x5']).optional(),
      nameLangs: z.array(z.enum(['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt'])).min(1).max(2).optional(),
      /** price: ¥2.35/pcs; code: the price in letters staff can read (priceCodeKey); none. */
      priceMode: z.enum(['price', 'code', 'none']).optional(),
      priceCodeKey: z.string().max(10).optional(),
      /** auto: the barcode when there is one, else a QR code of the item no. */
      code: z.enum(['auto', 'qr', 'barcode', 'none']).optional(),
      /** Label positions already used on the first sheet. */
      skip: z.number().int().min(0).max(23).optional(),
    }), async (input, ctx) => {
      const { pdf, pages, tags } = await sampleTags(ctx.core, input);
      return { fileName: `sample-tags-${ctx.core.now().toISOString().slice(0, 10)}.pdf`, mime: 'application/pdf', pages, tags, dataBase64: pdf.toString('base64') };
    }, { kind: 'async' }),
};
