import { z } from 'zod';
import buyers from './buyers.json';

/** Demo buyers: the mix of a Yiwu stall's visitors (31 countries). */
export interface DemoBuyer {
  company: string;
  country: string;
  city: string;
  currency: string;
  docLanguage: 'en' | 'zh' | 'ar' | 'es' | 'ru' | 'fr' | 'pt';
  contact: string;
  role: string;
  tags: string[];
  wechat?: string;
  agent?: string;
}

const buyerSchema = z.strictObject({
  company: z.string().min(1),
  country: z.string().length(2),
  city: z.string().min(1),
  currency: z.string().length(3),
  docLanguage: z.enum(['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt']),
  contact: z.string().min(1),
  role: z.string(),
  tags: z.array(z.string()),
  wechat: z.string().optional(),
  agent: z.string().optional(),
});

/** The demo buyers, one JSON object a line in buyers.json. */
export const DEMO_BUYERS: DemoBuyer[] = z.array(buyerSchema).parse(buyers);
