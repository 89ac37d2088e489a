import { withCheckDigit } from '../../main/products/barcode';

/**
 * A real-looking product list as a Yiwu stall keeps it: item numbers with
 * leading zeros and letters, Chinese, English and Arabic names with commas,
 * quotes, inch marks and full-width punctuation, colour lists, notes over
 * several lines, prices with 2 or 4 decimals, barcodes, stock. Deterministic.
 */
const ZH = ['惯性回力小汽车', '不锈钢汤锅', '发夹（珍珠款）', '硅胶手表', '偏光太阳镜', '帆布双肩包', 'A5 笔记本', '快充数据线 1米', '儿童安全剪刀', '真空保温杯 500ml', '亚克力钥匙扣', '合金项链，镀金', '乳胶气球 12寸', 'LED 铜线灯串', '十字螺丝刀套装', '圣诞帽“红色”', '毛绒小熊 25cm', '玻璃花瓶', '竹制筷子 10双', '充气游泳圈'];
const EN = ['Friction pull-back car', 'Stainless steel stock pot, 24 cm', 'Pearl hair clip', 'Silicone watch "kids"', 'Polarized sunglasses', "Canvas backpack, men's", 'A5 notebook, 80 sheets', 'Fast-charge cable; 1 m', 'Safety scissors for kids', 'Vacuum flask 500 ml', 'Acrylic keychain', 'Alloy necklace, gold plated', '12" latex balloons', 'LED copper string lights, 10 m', 'Screwdriver set, 6 pcs', 'Christmas hat "red"', 'Plush teddy bear, 25 cm', 'Glass vase', 'Bamboo chopsticks, 10 pairs', 'Inflatable swim ring'];
const AR = ['سيارة لعبة بالاحتكاك', 'قدر ستانلس ستيل، ٢٤ سم', 'مشبك شعر باللؤلؤ', 'ساعة سيليكون للأطفال', 'نظارة شمسية مستقطبة', 'حقيبة ظهر قماشية', 'دفتر A5', 'كابل شحن سريع', 'مقص أطفال آمن', 'ترمس ٥٠٠ مل', 'ميدالية أكريليك', 'قلادة مطلية بالذهب', 'بالونات لاتكس ١٢"', 'سلسلة إضاءة LED', 'طقم مفكات', 'قبعة عيد الميلاد "حمراء"', 'دب قطيفة', 'مزهرية زجاجية', 'عيدان طعام من الخيزران', 'عوامة سباحة'];
const CATEGORIES = ['Toys', 'Kitchen', 'Accessories', 'Watches', 'Sunglasses', 'Bags', 'Stationery', 'Phone accessories', 'Hardware', 'Festival'];
const COLORS = ['red, blue, yellow', 'black', 'assorted', '红色/蓝色', 'gold; silver', 'pink, "baby blue"', ''];
const MATERIALS = ['ABS plastic', '304 stainless steel', 'zinc alloy', 'PU leather', 'silicone', '塑料', ''];
const UNITS = ['pcs', 'set', 'dozen', 'pair', 'box'];

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_HEADERS = [
  'item_no', 'name_zh', 'name_en', 'name_ar', 'category', 'material', 'color', 'size', 'unit', 'moq', 'price_cny', 'price_tiers',
  'pcs_per_inner', 'pcs_per_carton', 'carton_l_cm', 'carton_w_cm', 'carton_h_cm', 'gw_kg', 'nw_kg', 'stock_qty', 'barcode', 'supplier', 'hs_code', 'notes',
];

/** Rows of canonical column → text, as the export writes them back. */
export function sampleRows(count: number, seed = 7): Array<Record<string, string>> {
  const r = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)] as T;
  const rows: Array<Record<string, string>> = [];
  for (let i = 1; i <= count; i += 1) {
    const k = i % ZH.length;
    const inner = pick([6, 12, 24]);
    const carton = inner * pick([4, 8, 12, 24]);
    const moq = carton * pick([1, 2]);
    const fourDecimals = i % 7 === 0;
    const price = fourDecimals ? `0.${String(100 + Math.floor(r() * 9000)).padStart(4, '0')}`.replace(/0+$/, '').padEnd(4, '0') : `${1 + Math.floor(r() * 80)}.${String(Math.floor(r() * 100)).padStart(2, '0')}`;
    const gw = 5 + Math.floor(r() * 200) / 10;
    const multiTier = i % 3 === 0;
    const item = i % 11 === 0 ? `YW-${String(i).padStart(4, '0')}` : String(i).padStart(6, '0');
    rows.push({
      item_no: item,
      name_zh: `${ZH[k]} ${i % 50}号`,
      name_en: `${EN[k]} #${i % 50}`,
      name_ar: `${AR[k]} ${i % 50}`,
      category: pick(CATEGORIES),
      material: pick(MATERIALS),
      color: pick(COLORS),
      size: i % 5 === 0 ? '12", 14", 16"' : '',
      unit: pick(UNITS),
      moq: String(moq),
      price_cny: price,
      price_tiers: multiTier ? `${moq}:${price}; ${moq * 5}:${(Number(price) * 0.95).toFixed(2) === '0.00' ? '0.01' : (Number(price) * 0.95).toFixed(2)}` : '',
      pcs_per_inner: String(inner),
      pcs_per_carton: String(carton),
      carton_l_cm: String(40 + (i % 30)),
      carton_w_cm: `${30 + (i % 20)}.5`,
      carton_h_cm: String(25 + (i % 25)),
      gw_kg: String(gw),
      nw_kg: String(Math.round(gw * 8) / 10),
      stock_qty: String(i % 4 === 0 ? 0 : Math.floor(r() * 50) * carton),
      barcode: i % 2 === 0 ? withCheckDigit(`69${String(10_000_000_00 + i * 37).slice(0, 10)}`) : '',
      supplier: pick(['义乌市美丽工艺品厂', 'Jinhua Xinda Factory', 'Ningbo Haitian Plastics, Ltd.', '汕头澄海玩具']),
      hs_code: pick(['9503.00', '7323.93', '4202.92', '']),
      notes: i % 9 === 0 ? `Line one, with comma\nLine two; "quoted"\n第三行：样品在 B 区` : i % 13 === 0 ? 'لا تكدس أكثر من ٥ كراتين' : '',
    });
  }
  return rows;
}

function field(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows as a CSV file: UTF-8 with BOM, CRLF line ends, comma (or another separator). */
export function toCsvText(rows: Array<Record<string, string>>, headers = SAMPLE_HEADERS, delimiter = ','): string {
  const lines = [headers.join(delimiter), ...rows.map((row) => headers.map((h) => field(row[h] ?? '', delimiter)).join(delimiter))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
