import type { Core } from '../../main/core';
import { insertProduct, replacePriceTiers, type ProductWrite } from '../../db/products';
import { insertMove } from '../../db/stock';
import { withCheckDigit } from '../../main/products/barcode';

const ZH = ['儿童', '不锈钢', '塑料', '合金', '毛绒', '硅胶', '玻璃', '竹制', '电子', '充气', '发光', '折叠', '防水', '卡通', '复古'];
const ZH_NOUN = ['玩具车', '汤锅', '发夹', '手表', '太阳镜', '背包', '笔记本', '数据线', '剪刀', '保温杯', '钥匙扣', '项链', '气球', '灯串', '螺丝刀'];
const EN = ['kids', 'stainless', 'plastic', 'alloy', 'plush', 'silicone', 'glass', 'bamboo', 'electronic', 'inflatable', 'glowing', 'foldable', 'waterproof', 'cartoon', 'vintage'];
const EN_NOUN = ['toy car', 'stock pot', 'hair clip', 'watch', 'sunglasses', 'backpack', 'notebook', 'cable', 'scissors', 'vacuum flask', 'keychain', 'necklace', 'balloon', 'string lights', 'screwdriver'];
const AR = ['أطفال', 'ستانلس', 'بلاستيك', 'سبيكة', 'قطيفة', 'سيليكون', 'زجاج', 'خيزران', 'إلكتروني', 'قابل للنفخ', 'مضيء', 'قابل للطي', 'مقاوم للماء', 'كرتوني', 'كلاسيكي'];
const AR_NOUN = ['سيارة لعبة', 'قدر', 'مشبك شعر', 'ساعة', 'نظارة شمسية', 'حقيبة ظهر', 'دفتر', 'كابل', 'مقص', 'ترمس', 'ميدالية', 'قلادة', 'بالون', 'سلسلة إضاءة', 'مفك'];
const CATEGORIES = ['Toys', 'Kitchen', 'Accessories', 'Watches', 'Sunglasses', 'Bags', 'Stationery', 'Phone accessories', 'Hardware', 'Festival'];

/** The i-th synthetic product: varied names in three scripts, packing and a valid barcode. */
export function syntheticProduct(i: number): ProductWrite {
  const a = i % 15;
  const b = Math.floor(i / 15) % 15;
  const size = 10 + (i % 90);
  return {
    item_no: String(i).padStart(6, '0'),
    name_zh: `${ZH[a]}${ZH_NOUN[b]} ${size}号`,
    name_en: `${EN[a]} ${EN_NOUN[b]} size ${size}`,
    name_ar: `${AR_NOUN[b]} ${AR[a]} ${size}`,
    name_es: '', name_ru: '', name_fr: '', name_pt: '',
    category: CATEGORIES[i % CATEGORIES.length] as string,
    material: 'ABS', colors: 'assorted', sizes: '', unit: 'pcs', moq: 100 + (i % 5) * 100,
    cost_cny_e4: 10_000 + (i % 500) * 100,
    pcs_per_inner: 12, pcs_per_carton: 144, carton_l_mm: 500 + (i % 20) * 5, carton_w_mm: 400, carton_h_mm: 350,
    gw_g: 12_000 + (i % 50) * 100, nw_g: 11_000 + (i % 50) * 100,
    barcode: withCheckDigit(`69${String(i).padStart(10, '0')}`),
    supplier: `Factory ${i % 300}`, supplier_id: null, supplier_item_no: '', hs_code: '9503.00', origin_country: 'CN', notes: '', low_stock_at: 288,
    archived: 0,
  };
}

/** Inserts `count` products with two price tiers and opening stock, in one transaction. */
export function buildCatalog(core: Core, count: number): void {
  const now = new Date().toISOString();
  core.db.transaction(() => {
    for (let i = 1; i <= count; i += 1) {
      const write = syntheticProduct(i);
      const id = insertProduct(core.db, write, now);
      replacePriceTiers(core.db, id, [
        { min_qty: write.moq, price_cny_e4: 20_000 + (i % 700) * 100 },
        { min_qty: write.moq * 10, price_cny_e4: 18_000 + (i % 700) * 100 },
      ]);
      if (i % 3 === 0) {
        insertMove(core.db, { product_id: id, kind: 'receive', on_hand_delta: 1440, reserved_delta: 0, moved_at: now, reference: 'bench', reason: '', note: '' });
      }
    }
  }).immediate();
}
