/**
 * Demo catalog: real-looking Yiwu goods. Each entry: HS code, category,
 * names (zh, en, ar), material, unit, pcs per carton, carton cm, G.W. kg,
 * price CNY, and the drawing used for its photo.
 */
import { z } from 'zod';
import products from './products.json';

export interface DemoProduct {
  /**
   * The HS heading for what the product is (HS 2022, 6 digits), checked product by product:
   * toys 9503.00, an inflatable ball 9506.62, imitation jewellery 7117.19/.90, PU (plastic) belts
   * 3926.20, a tool set 8206.00, a tape measure 9017.80, a padlock 8301.10, a vacuum flask 9617.00,
   * quartz watches 9102.11/.12, a smart band 8517.62, spectacles 9004.10/.90, bags 4202, a power bank
   * 8507.60 (lithium-ion accumulators), earbuds 8518.30, a USB cable 8544.42, festive articles 9505.
   */
  hsCode: string;
  category: string;
  zh: string;
  en: string;
  ar: string;
  material: string;
  colors: string;
  unit: string;
  pcsPerCarton: number;
  pcsPerInner?: number;
  carton: [number, number, number];
  gwKg: number;
  priceCny: string;
  moq: number;
  shape: 'car' | 'ball' | 'bear' | 'ring' | 'watch' | 'glasses' | 'tool' | 'pot' | 'bag' | 'star' | 'pen' | 'phone';
}

const productSchema = z.strictObject({
  hsCode: z.string().regex(/^\d{4}\.\d{2}$/),
  category: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
  ar: z.string().min(1),
  material: z.string(),
  colors: z.string(),
  unit: z.string().min(1),
  pcsPerCarton: z.number().int().positive(),
  pcsPerInner: z.number().int().positive().optional(),
  carton: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  gwKg: z.number().positive(),
  priceCny: z.string().regex(/^\d+\.\d{2}$/),
  moq: z.number().int().positive(),
  shape: z.enum(['car', 'ball', 'bear', 'ring', 'watch', 'glasses', 'tool', 'pot', 'bag', 'star', 'pen', 'phone']),
});

/** The demo goods, one JSON object a line in products.json (by category: toys, accessories, hardware, kitchen…). */
export const DEMO_PRODUCTS: DemoProduct[] = z.array(productSchema).parse(products);
