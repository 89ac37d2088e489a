/** Column groups several tables share, so each row type names them once. */

/** A product's name in every document language (products, and the snapshot on a quotation line). */
export interface NameColumns {
  name_zh: string;
  name_en: string;
  name_ar: string;
  name_es: string;
  name_ru: string;
  name_fr: string;
  name_pt: string;
}

/** Carton packing: pieces per inner box and per carton, carton size (mm), gross and net weight (g); null: not known. */
export interface PackingColumns {
  pcs_per_inner: number | null;
  pcs_per_carton: number | null;
  carton_l_mm: number | null;
  carton_w_mm: number | null;
  carton_h_mm: number | null;
  gw_g: number | null;
  nw_g: number | null;
}
