import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { runCli } from '../../main/cli/index';
import { openCore } from '../../main/core';
import { appPath } from '../../main/paths/appRoot';
import { tempCore, tempDir } from '../helpers/tempCore';
import { escapeCell } from '../../main/csv/formulaGuard';

const FIXTURE = appPath('tests', 'fixtures', 'buyers', 'buyers-300.csv');
const fixtureText = () => fs.readFileSync(FIXTURE, 'utf8');

function records(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

/** The fixture's cells as the exporter writes them: a cell a spreadsheet would run as a formula (+20 … phones) gets an apostrophe. */
function exportedForm(text: string): string[][] {
  return records(text).map((row) => row.map(escapeCell));
}

describe('buyers CSV: the 300-row file', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('covers 40+ countries and Arabic, Cyrillic, Chinese and accented Latin names, with quotes, commas and line breaks', () => {
    const text = fixtureText();
    const rows = records(text).slice(1);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThanOrEqual(40);
    expect(text).toMatch(/[\u0600-\u06ff]/);
    expect(text).toMatch(/[\u0400-\u04ff]/);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/[áéíóúñçãõüöäßłş]/);
    expect(rows.some((r) => r.some((c) => c.includes('\n')))).toBe(true);
    expect(rows.some((r) => r.some((c) => c.includes('"')))).toBe(true);
    expect(rows.some((r) => r.some((c) => c.includes(',')))).toBe(true);
  });

  it('imports and exports back unchanged (phones with a + written as text), and the export imports back byte for byte', async () => {
    const text = fixtureText();
    const result = await invoke(core, 'buyers.import', { csv: text });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ rows: 300, created: 300, updated: 0, unchanged: 0, written: true });
    const exported = await invoke(core, 'buyers.export', {});
    expect(exported.count).toBe(300);
    expect(records(exported.csv)).toEqual(exportedForm(text));
    // The export imports back unchanged: a second stall exports it byte for byte.
    const other = tempCore();
    try {
      expect((await invoke(other, 'buyers.import', { csv: exported.csv })).errors).toEqual([]);
      expect((await invoke(other, 'buyers.export', {})).csv).toBe(exported.csv);
    } finally {
      other.remove();
    }
  });

  it('reads the importer/tax number from tax_no or 税号 and writes it back in tax_no', async () => {
    const result = await invoke(core, 'buyers.import', { csv: '公司,国家,税号\nAl Noor General Trading LLC,AE,TRN 100234567800003\n' });
    expect(result.errors).toEqual([]);
    const [buyer] = (await invoke(core, 'buyers.list', {})).items;
    expect(buyer?.taxNo).toBe('TRN 100234567800003');
    const exported = records((await invoke(core, 'buyers.export', {})).csv);
    expect(exported[1]?.[(exported[0] ?? []).indexOf('tax_no')]).toBe('TRN 100234567800003');
  });

  it('stores the phones as E.164 and finds the imported buyers by any script', async () => {
    await invoke(core, 'buyers.import', { csv: fixtureText() });
    const all = await invoke(core, 'buyers.list', { limit: 500 });
    const phones = all.items.flatMap((b) => b.contacts.flatMap((c) => [c.phone, c.whatsapp])).filter(Boolean);
    expect(phones.length).toBeGreaterThan(300);
    for (const p of phones) expect(p).toMatch(/^\+[1-9]\d{6,14}$/);
    expect((await invoke(core, 'buyers.search', { query: 'شركة' })).total).toBeGreaterThan(0);
    expect((await invoke(core, 'buyers.search', { query: 'ооо' })).total).toBeGreaterThan(0);
    expect((await invoke(core, 'buyers.search', { query: '百货' })).total).toBeGreaterThan(0);
    expect((await invoke(core, 'buyers.search', { query: 'sao paulo' })).total).toBeGreaterThan(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    await invoke(core, 'buyers.import', { csv: fixtureText() });
    const before = core.db.prepare('SELECT * FROM buyers ORDER BY id').all();
    const again = await invoke(core, 'buyers.import', { csv: fixtureText() });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 300, written: false });
    expect(core.db.prepare('SELECT * FROM buyers ORDER BY id').all()).toEqual(before);
  });
});

describe('buyers CSV: what people send', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('reads Chinese headers, semicolons, CRLF, country names and local phone numbers', async () => {
    const text = '公司;国家;城市;电话;WhatsApp;微信;标签\r\nCairo Star;埃及;Cairo;02 2345 6789;0100 123 4567;cairostar;"VIP; container"\r\n"Al Noor; Trading";United Arab Emirates;Dubai;;050 123 4567;;\r\n';
    const result = await invoke(core, 'buyers.import', { csv: text });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(2);
    const cairo = (await invoke(core, 'buyers.search', { query: 'cairo star' })).items[0];
    expect(cairo).toMatchObject({ country: 'EG', city: 'Cairo', tags: ['VIP', 'container'] });
    expect(cairo?.contacts[0]).toMatchObject({ phone: '+20223456789', whatsapp: '+201001234567', wechat: 'cairostar' });
    const noor = (await invoke(core, 'buyers.search', { query: 'al noor' })).items[0];
    expect(noor).toMatchObject({ company: 'Al Noor; Trading', country: 'AE' });
  });

  it('reads a file saved by Chinese Excel (GB18030) and one in UTF-16', async () => {
    const text = 'company,country,contact1_name\n义乌客户,CN,王丽\n';
    const gbk = Buffer.from([
      ...Buffer.from('company,country,contact1_name\n'),
      0xd2, 0xe5, 0xce, 0xda, 0xbf, 0xcd, 0xbb, 0xa7, // 义乌客户
      ...Buffer.from(',CN,'),
      0xcd, 0xf5, 0xc0, 0xf6, // 王丽
      0x0a,
    ]);
    const fromGbk = await invoke(core, 'buyers.import', { fileBase64: gbk.toString('base64'), dryRun: true });
    expect(fromGbk).toMatchObject({ encoding: 'GB18030', created: 1, errors: [] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const fromUtf16 = await invoke(core, 'buyers.import', { fileBase64: utf16.toString('base64') });
    expect(fromUtf16).toMatchObject({ encoding: 'UTF-16LE', created: 1 });
    expect((await invoke(core, 'buyers.search', { query: '王丽' })).items[0]?.company).toBe('义乌客户');
  });

  it('reports every invalid row as "row N: field: reason" and writes nothing', async () => {
    const text = [
      'company,country,currency,doc_language,nationality,contact1_name,contact1_phone,contact1_email,contact2_whatsapp',
      'Good One,EG,USD,ar,,Ahmed,0100 123 4567,,',
      ',NG,USD,en,,Chinedu,,,',
      'Bad Country,Narnia,USD,en,,,,,',
      'Bad Phone,EG,USD,en,,X,+20 12,,',
      'Bad Email,KE,USD,en,,Y,,not-an-email,',
      'Bad Currency,KE,EGX,xx,ZZ,,,,',
      'Bad WhatsApp 2,KE,USD,en,,,,,12345',
      'Good One,eg,USD,ar,,,,,',
      'Short,EG',
    ].join('\n');
    const result = await invoke(core, 'buyers.import', { csv: text });
    expect(result.errors.map((e) => e.text)).toEqual([
      'row 2: company: must not be empty',
      'row 3: country: "Narnia" is not an ISO 3166-1 country code or a country name',
      'row 4: contact1_phone: "+20 12" is not a valid phone number for EG (check the digits, or add the country code, e.g. +20…)',
      'row 5: contact1_email: is not a valid email address',
      'row 6: nationality: "ZZ" is not an ISO 3166-1 country code or a country name',
      'row 6: currency: is not a known ISO 4217 currency code',
      'row 6: doc_language: "xx" is not one of en, zh, ar, es, ru, fr, pt',
      'row 7: contact2_whatsapp: "12345" is not a valid phone number for KE (check the digits, or add the country code, e.g. +254…)',
      'row 8: company: same company and country as row 1',
      'row 9: columns: has 2 values, the header has 9',
    ]);
    expect(result).toMatchObject({ written: false, created: 0 });
    expect((await invoke(core, 'buyers.list', {})).total).toBe(0);

    const zh = await invoke(core, 'buyers.import', { csv: text }, { locale: 'zh' });
    expect(zh.errors[0]?.text).toBe('第 2 行：company：不能为空');

    const skipped = await invoke(core, 'buyers.import', { csv: text, skipInvalid: true });
    expect(skipped).toMatchObject({ rows: 9, created: 1, skipped: 8, written: true });
    expect((await invoke(core, 'buyers.list', {})).items.map((b) => b.company)).toEqual(['Good One']);
  });

  it('refuses a file whose header lacks company or country, and ignores unknown columns with a warning', async () => {
    const result = await invoke(core, 'buyers.import', { csv: 'company,colour\nX,red\n', skipInvalid: true });
    expect(result.errors.map((e) => e.text)).toEqual(['country: the column is missing']);
    expect(result.written).toBe(false);
    const ignored = await invoke(core, 'buyers.import', { csv: 'company,country,colour\nX,KE,red\n' });
    expect(ignored.warnings.map((w) => w.text)).toEqual([
      'colour: not a known column; ignored unless mapped to one (the columns are company, country, city, address, currency, doc_language, agent, passport_no, tax_no, nationality, tags, notes, contact1_name, contact1_phone…)',
    ]);
    expect(ignored).toMatchObject({ created: 1, written: true });
  });

  it('updates a stored buyer matched by company and country, leaving columns the file lacks as they were', async () => {
    const stored = await invoke(core, 'buyers.create', { company: 'Lagos Mega Stores Ltd', country: 'NG', city: 'Lagos', notes: 'Keep me', tags: ['VIP'], contacts: [{ name: 'Chinedu', whatsapp: '0803 123 4567' }] });
    const result = await invoke(core, 'buyers.import', { csv: 'company,country,city,tags\nLAGOS MEGA STORES LTD.,Nigeria,Kano,VIP;container\n' });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const after = await invoke(core, 'buyers.get', { id: stored.id });
    expect(after).toMatchObject({ city: 'Kano', notes: 'Keep me', tags: ['VIP', 'container'] });
    expect(after.contacts[0]?.whatsapp).toBe('+2348031234567');
  });

  it('warns, without blocking, when a row shares a number with a stored buyer', async () => {
    await invoke(core, 'buyers.create', { company: 'Cairo Star', country: 'EG', contacts: [{ whatsapp: '0100 123 4567' }] });
    const result = await invoke(core, 'buyers.import', { csv: 'company,country,contact1_whatsapp\nCairo Star Two,EG,+20 100 123 4567\n' });
    expect(result.created).toBe(1);
    expect(result.warnings.map((w) => w.text)).toEqual(['row 1: contacts: shares a phone, WhatsApp or email with the stored buyer "Cairo Star" (#1)']);
  });
});

describe('buyers CSV: numbers outside the known ranges, headers people write, columns mapped by hand', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  // Possible numbers (right length) that libphonenumber's metadata does not list: a new Iranian mobile
  // range, an Algerian one, a Chinese +86 number of an Ethiopian buyer living in Yiwu.
  const UNLISTED = [
    'company,country,city,currency,doc_language,contact1_name,contact1_phone,contact1_whatsapp',
    'Tehran Bazaar Co.,IR,Tehran,USD,en,Reza,,+98 907 123 4567',
    'Import Export El Djazair,DZ,Oran,EUR,fr,Karim,+213 58 123 4567,+213 58 123 4567',
    'Addis Trading PLC,ET,Addis Ababa,USD,en,Abebe,+251 91 123 4567,+86 174 1234 5678',
    'Lagos Mega Stores Ltd,NG,Lagos,USD,en,Chinedu,,0803 123 4567',
  ].join('\n');

  it('imports a list with possible-but-unlisted numbers whole, in E.164 with a warning per number, and exports them back unchanged', async () => {
    const result = await invoke(core, 'buyers.import', { csv: UNLISTED });
    expect(result).toMatchObject({ rows: 4, created: 4, errors: [], written: true });
    expect(result.warnings.map((w) => w.text)).toEqual([
      'row 1: contact1_whatsapp: number not recognised for IR; kept as +989071234567',
      'row 2: contact1_phone: number not recognised for DZ; kept as +213581234567',
      'row 2: contact1_whatsapp: number not recognised for DZ; kept as +213581234567',
      'row 3: contact1_whatsapp: number not recognised for CN; kept as +8617412345678',
    ]);
    const stored = (await invoke(core, 'buyers.list', { sort: 'added' })).items;
    expect(stored.map((b) => b.contacts[0]?.whatsapp)).toEqual(['+989071234567', '+213581234567', '+8617412345678', '+2348031234567']);
    // The mark the UI shows: the country the number's code points to.
    expect(stored.map((b) => b.contacts[0]?.unrecognised)).toEqual([
      { phone: null, whatsapp: 'IR' },
      { phone: 'DZ', whatsapp: 'DZ' },
      { phone: null, whatsapp: 'CN' },
      { phone: null, whatsapp: null },
    ]);
    const exported = await invoke(core, 'buyers.export', {});
    const other = tempCore();
    try {
      const again = await invoke(other, 'buyers.import', { csv: exported.csv });
      expect(again).toMatchObject({ created: 4, errors: [] });
      expect((await invoke(other, 'buyers.export', {})).csv).toBe(exported.csv);
    } finally {
      other.remove();
    }
    // Importing the export into the same stall changes nothing.
    expect(await invoke(core, 'buyers.import', { csv: exported.csv })).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('still refuses an impossible number, naming its row and column', async () => {
    const result = await invoke(core, 'buyers.import', { csv: 'company,country,whatsapp\nShort,DZ,+213 58 12\n' });
    expect(result.errors.map((e) => e.text)).toEqual(['row 1: contact1_whatsapp: "+213 58 12" is not a valid phone number for DZ (check the digits, or add the country code, e.g. +213…)']);
    expect(result.written).toBe(false);
  });

  it('reads the headers people write: preferred_currency, preferred_language, lang, contact_name, phone, whatsapp, email and their Chinese forms', async () => {
    const english = await invoke(core, 'buyers.import', {
      csv: 'company,country,preferred_currency,preferred_language,contact_name,phone,whatsapp,email\nCasa Mexico,MX,MXN,es,Lucía,+52 55 1234 5678,+52 55 1234 5678,Lucia@casa.example\n',
    });
    expect(english).toMatchObject({ created: 1, errors: [], warnings: [] });
    const chinese = await invoke(core, 'buyers.import', { csv: '公司,国家,首选币种,语种,联系人,手机号,WhatsApp号,电子邮箱\n莫斯科商行,RU,RUB,ru,Анна,+7 912 345 67 89,+7 912 345 67 89,anna@msk.example\n' });
    expect(chinese).toMatchObject({ created: 1, errors: [], warnings: [] });
    const short = await invoke(core, 'buyers.import', { csv: 'company,country,lang\nDakar Shop,SN,fr\n' });
    expect(short).toMatchObject({ created: 1, errors: [], warnings: [] });
    const list = (await invoke(core, 'buyers.list', { sort: 'added' })).items;
    expect(list.map((b) => [b.company, b.currency, b.docLanguage, b.contacts[0]?.name ?? '', b.contacts[0]?.phone ?? '', b.contacts[0]?.email ?? ''])).toEqual([
      ['Casa Mexico', 'MXN', 'es', 'Lucía', '+525512345678', 'lucia@casa.example'],
      ['莫斯科商行', 'RUB', 'ru', 'Анна', '+79123456789', 'anna@msk.example'],
      ['Dakar Shop', 'USD', 'fr', '', '', ''],
    ]);
  });

  it('names an unknown column as a warning with how it was read, and reads it when mapped by hand', async () => {
    const csv = 'company,country,Mobile No.,Remarks\nNairobi Mart,KE,0712 345 678,pays cash\n';
    const check = await invoke(core, 'buyers.import', { csv, dryRun: true });
    expect(check.warnings.map((w) => w.field)).toEqual(['Mobile No.', 'Remarks']);
    expect(check.columns).toEqual([
      { index: 0, header: 'company', column: 'company', sample: 'Nairobi Mart' },
      { index: 1, header: 'country', column: 'country', sample: 'KE' },
      { index: 2, header: 'Mobile No.', column: null, sample: '0712 345 678' },
      { index: 3, header: 'Remarks', column: null, sample: 'pays cash' },
    ]);
    expect(check.knownColumns).toContain('contact1_whatsapp');
    const mapped = await invoke(core, 'buyers.import', { csv, columns: ['company', 'country', 'contact1_whatsapp', 'notes'] });
    expect(mapped).toMatchObject({ created: 1, errors: [], warnings: [] });
    const buyer = (await invoke(core, 'buyers.list', {})).items[0];
    expect([buyer?.notes, buyer?.contacts[0]?.whatsapp]).toEqual(['pays cash', '+254712345678']);
    const wrong = await invoke(core, 'buyers.import', { csv, columns: ['company', 'country', 'mobile'] });
    expect(wrong.errors.map((e) => e.text)).toEqual(['columns: the mapping has 3 entries but the file has 4 columns']);
  });
});

describe('buyers CSV: the command line', () => {
  const data = tempDir('sk-buyers-cli-');
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
    return { out: () => out.join(''), err: () => err.join('') };
  }

  it('checks with --dry-run, imports, exports the same file, and refuses a bad file with exit code 1', async () => {
    const out = path.join(data.dir, 'out.csv');
    const bad = path.join(data.dir, 'bad.csv');
    fs.writeFileSync(bad, 'company,country\nGood,EG\n,EG\nX,QQ\n');
    try {
      let io = capture();
      expect(await runCli(['import-buyers', FIXTURE, '--data', data.dir, '--dry-run'])).toBe(0);
      expect(io.out()).toMatch(/Dry run, nothing written\. 300 rows: 300 new/);
      vi.restoreAllMocks();

      io = capture();
      expect(await runCli(['import-buyers', bad, '--data', data.dir])).toBe(1);
      expect(io.err()).toBe('row 2: company: must not be empty\nrow 3: country: "QQ" is not an ISO 3166-1 country code or a country name\n');
      expect(io.out()).toMatch(/Nothing was imported: 2 problem/);
      vi.restoreAllMocks();

      io = capture();
      expect(await runCli(['import-buyers', FIXTURE, '--data', data.dir]), io.err()).toBe(0);
      expect(io.out()).toMatch(/300 rows: 300 new, 0 updated, 0 unchanged/);
      expect(await runCli(['export-buyers', '--data', data.dir, '--out', out])).toBe(0);
      expect(io.out()).toMatch(/Exported 300 buyers/);
      vi.restoreAllMocks();
      expect(records(fs.readFileSync(out, 'utf8'))).toEqual(exportedForm(fixtureText()));

      io = capture();
      expect(await runCli(['import-buyers', bad, '--data', data.dir, '--skip-invalid'])).toBe(0);
      expect(io.out()).toMatch(/3 rows: 1 new, 0 updated, 0 unchanged, 2 invalid left out/);
      vi.restoreAllMocks();

      io = capture();
      expect(await runCli(['export-buyers', '--data', data.dir, '--out', out, '--region', 'mars'])).toBe(2);
      expect(await runCli(['import-buyers', '--data', data.dir])).toBe(2);
      vi.restoreAllMocks();
    } finally {
      vi.restoreAllMocks();
      const core = openCore(data.dir);
      core.close();
      data.remove();
    }
  }, 60_000);
});
