/**
 * The columns of a product file (CSV or XLSX), import and export alike. Each
 * has a canonical name (what export writes) and the headers it is recognized
 * by on import, in English and Chinese. docs/import-export.md lists them; a
 * test checks that list against this table.
 */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'bool' | 'tiers' | 'dims';

export interface ColumnDef {
  /** Canonical name, as exported. */
  name: string;
  kind: ColumnKind;
  /** Decimal places for decimals. */
  scale?: number;
  /** What the column holds, for the docs and the import wizard. */
  en: string;
  zh: string;
  /** Other headers that mean this column (matched after normalizing, see headerKey). */
  aliases: string[];
  /** Exported, but ignored on import (derived from other columns). */
  derived?: boolean;
  /** Never exported; accepted on import. */
  importOnly?: boolean;
  /** Only the owner sees, exports or imports it. */
  ownerOnly?: boolean;
}

export const COLUMNS: ColumnDef[] = [
  { name: 'item_no', kind: 'text', en: 'Item no. (unique; text, leading zeros kept)', zh: '货号（唯一；文本，保留前导零）', aliases: ['item no', 'item', 'item number', 'sku', 'art no', 'article no', 'model', '货号', '款号', '产品编号', '商品编号', '编号', '型号'] },
  { name: 'name_zh', kind: 'text', en: 'Chinese name', zh: '中文品名', aliases: ['chinese name', 'name cn', '中文品名', '品名', '中文名称', '中文名', '产品名称', '商品名称', '名称'] },
  { name: 'name_en', kind: 'text', en: 'English name', zh: '英文品名', aliases: ['english name', 'name', 'description', 'product name', '英文品名', '英文名称', '英文名', '英文描述'] },
  { name: 'name_ar', kind: 'text', en: 'Arabic name', zh: '阿拉伯语品名', aliases: ['arabic name', '阿拉伯语品名', '阿语品名', '阿拉伯文品名', '阿拉伯语名称'] },
  { name: 'name_es', kind: 'text', en: 'Spanish name', zh: '西班牙语品名', aliases: ['spanish name', '西班牙语品名', '西语品名'] },
  { name: 'name_ru', kind: 'text', en: 'Russian name', zh: '俄语品名', aliases: ['russian name', '俄语品名', '俄文品名'] },
  { name: 'name_fr', kind: 'text', en: 'French name', zh: '法语品名', aliases: ['french name', '法语品名', '法文品名'] },
  { name: 'name_pt', kind: 'text', en: 'Portuguese name', zh: '葡萄牙语品名', aliases: ['portuguese name', '葡萄牙语品名', '葡语品名'] },
  { name: 'category', kind: 'text', en: 'Category', zh: '类别', aliases: ['category', '类别', '分类', '类目', '品类'] },
  { name: 'material', kind: 'text', en: 'Material', zh: '材质', aliases: ['material', '材质', '材料'] },
  { name: 'color', kind: 'text', en: 'Colours', zh: '颜色', aliases: ['colour', 'colors', 'colours', '颜色'] },
  { name: 'size', kind: 'text', en: 'Sizes', zh: '尺寸', aliases: ['sizes', '尺寸', '尺码', '规格'] },
  { name: 'unit', kind: 'text', en: 'Unit (pcs, set, dozen, pair, box…); empty: pcs', zh: '单位（pcs、套、打、双、盒…）；空为 pcs', aliases: ['unit', '单位'] },
  { name: 'moq', kind: 'int', en: 'Minimum order quantity; empty: 1', zh: '起订量；空为 1', aliases: ['min order', 'minimum order', 'min qty', '起订量', '最小起订量', '起订'] },
  { name: 'price_cny', kind: 'decimal', scale: 4, en: 'Price in CNY at the first tier (from the MOQ)', zh: '单价（人民币，第一档，从起订量起）', aliases: ['price', 'unit price', 'rmb', 'cny', 'price rmb', '单价', '价格', '单价元', '售价', '批发价'] },
  { name: 'price_tiers', kind: 'tiers', en: 'All price tiers as "min qty:price" pairs, e.g. "288:2.35; 1440:2.23"', zh: '阶梯价，“起订数量:单价”，如 “288:2.35; 1440:2.23”', aliases: ['tiers', 'tier prices', '阶梯价', '阶梯价格'] },
  { name: 'cost_cny', kind: 'decimal', scale: 4, ownerOnly: true, en: 'Cost price in CNY (owner only)', zh: '成本价（人民币，仅店主）', aliases: ['cost', '成本价', '成本', '进价'] },
  { name: 'pcs_per_inner', kind: 'int', en: 'Pieces per inner box', zh: '内盒数', aliases: ['inner', 'inner pack', 'inner qty', '内盒数', '内盒', '内装', '中包装', '内盒装'] },
  { name: 'pcs_per_carton', kind: 'int', en: 'Pieces per carton', zh: '装箱数', aliases: ['pcs per ctn', 'ctn qty', 'carton qty', 'qty per carton', 'packing', '装箱数', '箱装数', '外箱装数', '每箱数量', '装箱量'] },
  { name: 'carton_l_cm', kind: 'decimal', scale: 1, en: 'Carton length, cm', zh: '外箱长（厘米）', aliases: ['carton l', 'carton length', 'ctn l', 'length', '外箱长', '箱长', '长'] },
  { name: 'carton_w_cm', kind: 'decimal', scale: 1, en: 'Carton width, cm', zh: '外箱宽（厘米）', aliases: ['carton w', 'carton width', 'ctn w', 'width', '外箱宽', '箱宽', '宽'] },
  { name: 'carton_h_cm', kind: 'decimal', scale: 1, en: 'Carton height, cm', zh: '外箱高（厘米）', aliases: ['carton h', 'carton height', 'ctn h', 'height', '外箱高', '箱高', '高'] },
  { name: 'carton_cm', kind: 'dims', importOnly: true, en: 'Carton size in one cell, L×W×H cm ("62*40*45.5")', zh: '外箱尺寸，一格内 长×宽×高 厘米（“62*40*45.5”）', aliases: ['carton size', 'carton', 'ctn size', 'meas', 'measurement', '外箱尺寸', '外箱规格', '箱规', '外箱'] },
  { name: 'cbm', kind: 'decimal', scale: 4, derived: true, en: 'm³ per carton (exported; derived from the carton size, ignored on import)', zh: '每箱体积 m³（导出用；由外箱尺寸计算，导入时忽略）', aliases: ['cbm per carton', 'volume', '体积', '立方', '立方数'] },
  { name: 'gw_kg', kind: 'decimal', scale: 3, en: 'Gross weight per carton, kg', zh: '毛重（公斤/箱）', aliases: ['gw', 'g w', 'gross weight', '毛重'] },
  { name: 'nw_kg', kind: 'decimal', scale: 3, en: 'Net weight per carton, kg', zh: '净重（公斤/箱）', aliases: ['nw', 'n w', 'net weight', '净重'] },
  { name: 'stock_qty', kind: 'int', en: 'On hand: import sets it (opening or adjusting movement); empty: no change', zh: '库存：导入时设为此数（期初或调整记录）；空则不变', aliases: ['stock', 'on hand', 'qty', 'quantity', '库存', '库存数量', '现货', '数量'] },
  { name: 'low_stock_at', kind: 'int', en: 'Low-stock threshold; empty: no alert', zh: '库存预警数量；空则不预警', aliases: ['low stock', 'reorder level', 'min stock', '库存预警', '安全库存', '预警库存'] },
  { name: 'barcode', kind: 'text', en: 'Barcode (EAN-13, UPC-A, EAN-8), as text', zh: '条码（EAN-13、UPC-A、EAN-8），文本', aliases: ['ean', 'ean13', 'upc', 'gtin', '条码', '条形码', '商品条码'] },
  { name: 'supplier', kind: 'text', en: 'Supplier or factory', zh: '供应商/工厂', aliases: ['factory', 'vendor', '供应商', '工厂', '厂家', '厂商'] },
  { name: 'hs_code', kind: 'text', en: 'HS code', zh: '海关编码', aliases: ['hs', 'hs code', '海关编码', 'hs编码'] },
  { name: 'notes', kind: 'text', en: 'Notes', zh: '备注', aliases: ['note', 'remarks', 'remark', 'comment', '备注', '说明'] },
  { name: 'archived', kind: 'bool', en: 'Archived: yes/no (是/否, 1/0); empty: no', zh: '已下架：yes/no（是/否，1/0）；空为否', aliases: ['archive', '已下架', '下架', '停用', '归档'] },
];

export const COLUMN_BY_NAME = new Map(COLUMNS.map((c) => [c.name, c]));

/**
 * A header as compared: NFKC (full-width → ASCII), lower case, without what is
 * in brackets ("单价(元)", "G.W. (kg)") and without anything but letters and digits.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const BY_KEY = new Map<string, ColumnDef>();
for (const column of COLUMNS) {
  for (const alias of [column.name, ...column.aliases]) {
    const key = headerKey(alias);
    const seen = BY_KEY.get(key);
    if (seen && seen !== column) throw new Error(`columns.ts: header "${alias}" means both ${seen.name} and ${column.name}`);
    BY_KEY.set(key, column);
  }
}

/** The column a header means, or null. */
export function columnForHeader(header: string): ColumnDef | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/** Every header each column is recognized by (for the docs). */
export function recognizedHeaders(column: ColumnDef): string[] {
  return [column.name, ...column.aliases];
}

/** The column table of docs/import-export.md (a test keeps the two the same). */
export function columnsMarkdown(): string {
  const lines = [
    '| column | holds | also recognized as |',
    '| --- | --- | --- |',
    ...COLUMNS.map((c) => {
      const notes = [c.derived ? 'export only' : '', c.importOnly ? 'import only' : '', c.ownerOnly ? 'owner only' : ''].filter(Boolean).join(', ');
      const holds = `${c.en} / ${c.zh}${notes ? ` (${notes})` : ''}`;
      return `| \`${c.name}\` | ${holds.replace(/\|/g, '\\|')} | ${c.aliases.map((a) => `\`${a}\``).join(', ')} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
