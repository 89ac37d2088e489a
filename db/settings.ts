import type { Db } from './open';

/** seller_profile, as stored. */
export interface SellerRow {
  company_name_zh: string;
  company_name_en: string;
  legal_name: string;
  stall_number: string;
  market_address: string;
  phones: string; // JSON array of strings
  whatsapp: string;
  wechat: string;
  email: string;
  website: string;
  bank_beneficiary: string;
  bank_name: string;
  bank_account: string;
  bank_swift: string;
  bank_address: string;
  /** The beneficiary's own address (a SWIFT transfer asks for it). */
  beneficiary_address: string;
  /** Who pays the transfer charges: OUR, SHA, BEN, or '' not stated. */
  bank_charges: string;
  intermediary_bank_name: string;
  intermediary_bank_swift: string;
  /** Who signs beside the chop. */
  signatory_name: string;
  signatory_title: string;
  logo_image: string | null;
  chop_image: string | null;
  updated_at: string | null;
}

export interface DefaultsRow {
  default_currency: string;
  quote_prefix: string;
  invoice_prefix: string;
  payment_terms: string;
  validity_days: number;
  deposit_percent: number;
  updated_at: string | null;
}

export type SellerUpdate = Partial<Omit<SellerRow, 'updated_at'>>;
export type DefaultsUpdate = Partial<Omit<DefaultsRow, 'updated_at'>>;

const SELLER_COLUMNS = [
  'company_name_zh', 'company_name_en', 'legal_name', 'stall_number', 'market_address', 'phones',
  'whatsapp', 'wechat', 'email', 'website', 'bank_beneficiary', 'bank_name', 'bank_account',
  'bank_swift', 'bank_address', 'beneficiary_address', 'bank_charges', 'intermediary_bank_name',
  'intermediary_bank_swift', 'signatory_name', 'signatory_title', 'logo_image', 'chop_image',
] as const;

const DEFAULTS_COLUMNS = [
  'default_currency', 'quote_prefix', 'invoice_prefix', 'payment_terms', 'validity_days', 'deposit_percent',
] as const;

export function getSeller(db: Db): SellerRow {
  return db
    .prepare<[], SellerRow>(
      `SELECT company_name_zh, company_name_en, legal_name, stall_number, market_address, phones,
              whatsapp, wechat, email, website, bank_beneficiary, bank_name, bank_account,
              bank_swift, bank_address, beneficiary_address, bank_charges, intermediary_bank_name,
              intermediary_bank_swift, signatory_name, signatory_title, logo_image, chop_image, updated_at
         FROM seller_profile WHERE id = 1`,
    )
    .get() as SellerRow;
}

export function getDefaults(db: Db): DefaultsRow {
  return db
    .prepare<[], DefaultsRow>(
      `SELECT default_currency, quote_prefix, invoice_prefix, payment_terms, validity_days,
              deposit_percent, updated_at
         FROM app_settings WHERE id = 1`,
    )
    .get() as DefaultsRow;
}

/** Updates the given columns only; the column names come from the fixed lists above. */
function updateRow(db: Db, table: 'seller_profile' | 'app_settings', columns: readonly string[], changes: Record<string, unknown>, now: string): void {
  const keys = columns.filter((c) => Object.prototype.hasOwnProperty.call(changes, c));
  const assignments = [...keys.map((k) => `${k} = @${k}`), 'updated_at = @updated_at'].join(', ');
  const params: Record<string, unknown> = { updated_at: now };
  for (const k of keys) params[k] = changes[k];
  db.prepare(`UPDATE ${table} SET ${assignments} WHERE id = 1`).run(params);
}

export function updateSeller(db: Db, changes: SellerUpdate, now: string): void {
  updateRow(db, 'seller_profile', SELLER_COLUMNS, changes, now);
}

export function updateDefaults(db: Db, changes: DefaultsUpdate, now: string): void {
  updateRow(db, 'app_settings', DEFAULTS_COLUMNS, changes, now);
}
