/** The columns of the buyers CSV (main/buyers/csv.ts): their names, the headers accepted for them, and how API fields map onto them. */

export const BASE_COLUMNS = [
  'company', 'country', 'city', 'address', 'currency', 'doc_language', 'agent', 'passport_no', 'tax_no', 'nationality', 'tags', 'notes',
] as const;
export const CONTACT_FIELDS = ['name', 'role', 'phone', 'whatsapp', 'wechat', 'email'] as const;
export type BaseColumn = (typeof BASE_COLUMNS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Header names accepted besides the canonical ones (folded: lower case, spaces and dashes as "_"). */
export const HEADER_ALIASES: Record<string, BaseColumn> = {
  公司: 'company', 公司名称: 'company', 客户: 'company', 客户名称: 'company', company_name: 'company',
  国家: 'country', 国家代码: 'country', country_code: 'country',
  城市: 'city', 地址: 'address',
  币种: 'currency', 货币: 'currency', preferred_currency: 'currency', currency_code: 'currency', 首选币种: 'currency', 常用币种: 'currency', 结算币种: 'currency',
  单据语言: 'doc_language', 文件语言: 'doc_language', 语言: 'doc_language', language: 'doc_language', document_language: 'doc_language',
  preferred_language: 'doc_language', lang: 'doc_language', 首选语言: 'doc_language', 语种: 'doc_language',
  代理: 'agent', 采购代理: 'agent', buying_agent: 'agent',
  护照号: 'passport_no', 护照号码: 'passport_no', passport: 'passport_no', passport_number: 'passport_no',
  税号: 'tax_no', 纳税人识别号: 'tax_no', tax_number: 'tax_no', tax_id: 'tax_no', vat_no: 'tax_no', trn: 'tax_no',
  国籍: 'nationality', 标签: 'tags', tag: 'tags', 备注: 'notes', note: 'notes',
};

const CONTACT_ALIASES: Record<string, ContactField> = {
  name: 'name', contact: 'name', contact_name: 'name', contact_person: 'name', 联系人: 'name', 姓名: 'name', 联系人姓名: 'name', 联系人名称: 'name',
  role: 'role', title: 'role', position: 'role', 职位: 'role', 职务: 'role',
  phone: 'phone', tel: 'phone', telephone: 'phone', mobile: 'phone', phone_number: 'phone', mobile_phone: 'phone', 电话: 'phone', 手机: 'phone', 手机号: 'phone', 手机号码: 'phone', 电话号码: 'phone', 联系电话: 'phone',
  whatsapp: 'whatsapp', whatsapp_number: 'whatsapp', wa: 'whatsapp', whatsapp号: 'whatsapp', whatsapp号码: 'whatsapp',
  wechat: 'wechat', wechat_id: 'wechat', 微信: 'wechat', 微信号: 'wechat',
  email: 'email', e_mail: 'email', mail: 'email', email_address: 'email', 邮箱: 'email', 电子邮件: 'email', 电子邮箱: 'email', 邮件: 'email',
};

export type ColumnKey = { kind: 'base'; column: BaseColumn } | { kind: 'contact'; group: number; field: ContactField };

export function headerKey(raw: string): ColumnKey | null {
  const h = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((BASE_COLUMNS as readonly string[]).includes(h)) return { kind: 'base', column: h as BaseColumn };
  const alias = HEADER_ALIASES[h];
  if (alias) return { kind: 'base', column: alias };
  const numbered = /^contact(\d+)_(.+)$/.exec(h);
  if (numbered) {
    const field = CONTACT_ALIASES[numbered[2] as string];
    const group = Number(numbered[1]);
    return field && group >= 1 && group <= 20 ? { kind: 'contact', group, field } : null;
  }
  const suffixed = /^(.+?)_?(\d*)$/.exec(h);
  const field = suffixed ? CONTACT_ALIASES[suffixed[1] as string] : undefined;
  if (field) {
    const group = suffixed?.[2] ? Number(suffixed[2]) : 1;
    return group >= 1 && group <= 20 ? { kind: 'contact', group, field } : null;
  }
  return null;
}

export function columnName(key: ColumnKey): string {
  return key.kind === 'base' ? key.column : `contact${key.group}_${key.field}`;
}

export const FIELD_COLUMN: Record<string, BaseColumn> = {
  company: 'company', country: 'country', city: 'city', address: 'address', currency: 'currency', docLanguage: 'doc_language',
  agent: 'agent', passportNo: 'passport_no', taxNo: 'tax_no', nationality: 'nationality', tags: 'tags', notes: 'notes',
};

/** API field path (contacts.0.phone, docLanguage) → CSV column (contact1_phone, doc_language). */
export function columnOfPath(path: string): string {
  const contact = /^contacts\.(\d+)\.(\w+)/.exec(path);
  if (contact) return `contact${Number(contact[1]) + 1}_${contact[2]}`;
  const head = path.split('.')[0] ?? path;
  return FIELD_COLUMN[head] ?? head;
}

/** Every column name the import knows (contact columns for three contacts), for a mapping by hand. */
export function knownColumns(groups = 3): string[] {
  return exportHeader(groups);
}

export function exportHeader(groups: number): string[] {
  const header: string[] = [...BASE_COLUMNS];
  for (let g = 1; g <= groups; g += 1) for (const f of CONTACT_FIELDS) header.push(`contact${g}_${f}`);
  return header;
}
