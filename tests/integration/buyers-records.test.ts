import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import { tempCore } from '../helpers/tempCore';

async function photo(color: string): Promise<string> {
  return (await sharp({ create: { width: 64, height: 40, channels: 3, background: color } }).jpeg().toBuffer()).toString('base64');
}

async function failure(promise: Promise<unknown>): Promise<ApiFailure['error']> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as ApiFailure | null;
  if (!error) throw new Error('expected the call to fail');
  return error.error;
}

describe('buyers: the full record', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore({ now: () => new Date('2026-06-15T10:00:00Z') });
  });
  afterEach(() => core.remove());

  it('keeps every field: agent, passport, nationality, tags, notes, several contacts with links', async () => {
    const b = await invoke(core, 'buyers.create', {
      company: 'Al Noor General Trading LLC',
      country: 'ae',
      city: 'Dubai',
      address: 'Deira, Al Ras St. 12',
      currency: 'aed',
      docLanguage: 'ar',
      agent: 'Yiwu Sunrise Agency',
      passportNo: 'P1234567',
      nationality: 'jo',
      notes: 'Pays deposit by T/T, mixes 8 items per container.',
      tags: ['VIP', 'wholesale'],
      contacts: [
        { name: 'محمد الحسن', role: 'Owner', phone: '04 234 5678', whatsapp: '050 123 4567', wechat: 'alnoor_dxb', email: 'Mohammed@AlNoor.example' },
        { name: 'Sara', role: 'Accounts', whatsapp: '+971 55 765 4321' },
        { name: '', phone: '', email: '' },
      ],
    });
    expect(b).toMatchObject({
      country: 'AE', region: 'middle_east', currency: 'AED', docLanguage: 'ar', agent: 'Yiwu Sunrise Agency',
      passportNo: 'P1234567', nationality: 'JO', tags: ['VIP', 'wholesale'], duplicates: [],
    });
    expect(b.contacts).toHaveLength(2);
    expect(b.contacts[0]).toMatchObject({
      phone: '+97142345678', whatsapp: '+971501234567', whatsappDisplay: '+971 50 123 4567',
      whatsappLink: 'https://wa.me/971501234567', wechat: 'alnoor_dxb', email: 'mohammed@alnoor.example',
      mailto: 'mailto:mohammed@alnoor.example',
    });
    expect(b.contacts[1]).toMatchObject({ name: 'Sara', whatsapp: '+971557654321', mailto: null });
  });

  it('reads local numbers in the new country when the country changes with the contacts', async () => {
    const b = await invoke(core, 'buyers.create', { company: 'Moving Co', country: 'EG' });
    const moved = await invoke(core, 'buyers.update', { id: b.id, changes: { country: 'NG', contacts: [{ phone: '0803 123 4567' }] } });
    expect(moved.contacts[0]?.phone).toBe('+2348031234567');
    expect(moved.region).toBe('africa');
  });

  it('names the field in English and Chinese for a bad phone, an unknown country, an empty company and a bad email', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ company: '', country: 'EG' }, 'company', /company: must not be empty/],
      [{ company: 'X', country: 'QQ' }, 'country', /country: is not an ISO 3166-1 country code/],
      [{ company: 'X', country: 'EG', nationality: 'XX' }, 'nationality', /nationality: is not an ISO 3166-1 country code/],
      [{ company: 'X', country: 'EG', contacts: [{ whatsapp: '12345' }] }, 'contacts.0.whatsapp', /contacts\.0\.whatsapp: "12345" is not a valid phone number for EG/],
      [{ company: 'X', country: 'EG', contacts: [{ name: 'a' }, { email: 'not-an-email' }] }, 'contacts.1.email', /contacts\.1\.email: is not a valid email address/],
    ];
    for (const [input, field, message] of cases) {
      const en = await failure(invoke(core, 'buyers.create', input as never));
      expect(en, field).toMatchObject({ code: 'invalid_input', field });
      expect(en.message).toMatch(message);
      const zh = await failure(invoke(core, 'buyers.create', input as never, { locale: 'zh' }));
      expect(zh.field).toBe(field);
      expect(zh.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}：`));
      expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const updated = await failure(invoke(core, 'buyers.update', { id: 99, changes: { city: 'x' } }));
    expect(updated).toMatchObject({ code: 'not_found', field: 'id' });
  });

  it('stores a business card photo through the image store and removes it', async () => {
    const b = await invoke(core, 'buyers.create', { company: 'Card Co', country: 'KE' });
    const withCard = await invoke(core, 'buyers.setCard', { id: b.id, image: { dataBase64: await photo('#336699'), fileName: 'card.jpg' } });
    expect(withCard.card?.url).toMatch(/^\/photos\/[0-9a-f]{64}$/);
    expect(withCard.card?.thumbUrl).toMatch(/\?thumb=1$/);
    const bad = await failure(invoke(core, 'buyers.setCard', { id: b.id, image: { dataBase64: Buffer.from('not an image').toString('base64') } }));
    expect(bad.field).toBe('image.dataBase64');
    const removed = await invoke(core, 'buyers.setCard', { id: b.id, image: null });
    expect(removed.card).toBeNull();
  });
});

describe('buyers: duplicates', () => {
  let core: ReturnType<typeof tempCore>;
  let existing: number;
  beforeEach(async () => {
    core = tempCore();
    existing = (
      await invoke(core, 'buyers.create', {
        company: 'Cairo Star Import & Export',
        country: 'EG',
        contacts: [{ name: 'Ahmed', phone: '02 2345 6789', whatsapp: '0100 123 4567', email: 'ahmed@cairostar.example' }],
      })
    ).id;
  });
  afterEach(() => core.remove());

  it('warns when a new buyer has the same WhatsApp (typed differently), and still saves it', async () => {
    const check = await invoke(core, 'buyers.checkDuplicates', { country: 'EG', company: 'Star Trading', contacts: [{ name: 'A', whatsapp: '+20 100 123 4567' }] });
    expect(check).toEqual([
      { buyerId: existing, company: 'Cairo Star Import & Export', country: 'EG', reasons: [{ field: 'contacts.0.whatsapp', kind: 'whatsapp', value: '+201001234567', contactName: 'Ahmed' }] },
    ]);
    const created = await invoke(core, 'buyers.create', { company: 'Star Trading', country: 'EG', contacts: [{ whatsapp: '+20 100 123 4567' }] });
    expect(created.duplicates.map((d) => d.buyerId)).toEqual([existing]);
    expect((await invoke(core, 'buyers.list', {})).total).toBe(2);
  });

  it('matches a phone entered as WhatsApp, an email in another case, and the same company spelled differently', async () => {
    const byPhone = await invoke(core, 'buyers.checkDuplicates', { country: 'EG', contacts: [{ whatsapp: '02 2345 6789' }] });
    expect(byPhone[0]?.reasons[0]).toMatchObject({ kind: 'whatsapp', value: '+20223456789' });
    const byEmail = await invoke(core, 'buyers.checkDuplicates', { country: 'EG', contacts: [{ email: 'AHMED@cairostar.example' }] });
    expect(byEmail[0]?.reasons[0]).toMatchObject({ kind: 'email', field: 'contacts.0.email' });
    const byCompany = await invoke(core, 'buyers.checkDuplicates', { country: 'EG', company: 'cairo star import export' });
    expect(byCompany[0]?.reasons[0]).toMatchObject({ kind: 'company' });
    expect(await invoke(core, 'buyers.checkDuplicates', { country: 'SA', company: 'Cairo Star Import & Export' })).toEqual([]);
  });

  it('does not call a buyer its own duplicate, and ignores numbers that are not valid', async () => {
    expect(await invoke(core, 'buyers.checkDuplicates', { id: existing, country: 'EG', company: 'Cairo Star Import & Export', contacts: [{ whatsapp: '0100 123 4567' }] })).toEqual([]);
    expect(await invoke(core, 'buyers.checkDuplicates', { country: 'EG', contacts: [{ whatsapp: '12' }] })).toEqual([]);
  });
});

describe('buyers: merge', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore({ now: () => new Date('2026-06-15T10:00:00Z') });
  });
  afterEach(() => core.remove());

  it('moves contacts, visits and tags to the kept buyer, joins the same person, fills empty fields, and deletes the other', async () => {
    const product = await invoke(core, 'products.create', { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car' } });
    const keep = await invoke(core, 'buyers.create', {
      company: 'Lagos Mega Stores Ltd', country: 'NG', tags: ['VIP'], notes: 'Big buyer',
      contacts: [{ name: 'Chinedu Okafor', whatsapp: '0803 123 4567' }],
    });
    const other = await invoke(core, 'buyers.create', {
      company: 'Lagos Mega Stores', country: 'NG', city: 'Lagos', agent: 'Yiwu Sunrise Agency', tags: ['VIP', 'container'], notes: 'Prefers FOB Ningbo',
      contacts: [
        { name: 'Chinedu', role: 'CEO', whatsapp: '+234 803 123 4567', email: 'chinedu@lagosmega.example' },
        { name: 'Ngozi Eze', role: 'Accounts', phone: '0812 345 6789' },
      ],
    });
    await invoke(core, 'buyers.addVisit', { buyerId: keep.id, visitedOn: '2026-05-02', staff: 'Lily' });
    await invoke(core, 'buyers.addVisit', { buyerId: other.id, visitedOn: '2026-06-01', staff: 'Chen', productIds: [product.id] });
    await invoke(core, 'buyers.addVisit', { buyerId: other.id, visitedOn: '2026-03-11', staff: 'Amy' });

    const { buyer, moved } = await invoke(core, 'buyers.merge', { keepId: keep.id, mergeId: other.id });
    expect(moved).toMatchObject({ contacts: 1, tags: 1, visits: 2 });
    expect(buyer).toMatchObject({ company: 'Lagos Mega Stores Ltd', city: 'Lagos', agent: 'Yiwu Sunrise Agency', tags: ['VIP', 'container'], visits: 3, lastVisit: '2026-06-01' });
    expect(buyer.notes).toBe('Big buyer\n\nLagos Mega Stores: Prefers FOB Ningbo');
    expect(buyer.contacts.map((c) => [c.name, c.role, c.whatsapp, c.email, c.phone])).toEqual([
      ['Chinedu Okafor', 'CEO', '+2348031234567', 'chinedu@lagosmega.example', ''],
      ['Ngozi Eze', 'Accounts', '', '', '+2348123456789'],
    ]);
    expect((await failure(invoke(core, 'buyers.get', { id: other.id }))).code).toBe('not_found');
    const timeline = await invoke(core, 'buyers.timeline', { id: keep.id });
    expect(timeline.map((e) => e.kind)).toEqual(['merge', 'visit', 'visit', 'visit']);
    expect(timeline[1]).toMatchObject({ kind: 'visit', visit: { visitedOn: '2026-06-01', products: [{ itemNo: '00123' }] } });
    expect((await invoke(core, 'buyers.search', { query: 'ngozi' })).items.map((b) => b.id)).toEqual([keep.id]);
  });

  it('moves the rows of any other table that points at the merged buyer (how quotations and invoices follow)', async () => {
    // A table another area would add (its migration), pointing at buyers like quotations do.
    core.db.exec(`CREATE TABLE sample_orders (id INTEGER PRIMARY KEY, buyer_id INTEGER NOT NULL REFERENCES buyers(id), ref TEXT NOT NULL)`);
    const a = await invoke(core, 'buyers.create', { company: 'A', country: 'KE' });
    const b = await invoke(core, 'buyers.create', { company: 'B', country: 'KE' });
    core.db.prepare('INSERT INTO sample_orders (buyer_id, ref) VALUES (?, ?), (?, ?)').run(b.id, 'Q-1', b.id, 'Q-2');
    const refused = await failure(invoke(core, 'buyers.delete', { id: b.id }));
    expect(refused).toMatchObject({ code: 'conflict', field: 'id' });
    expect(refused.message).toMatch(/2 record\(s\) in sample_orders/);
    const { moved } = await invoke(core, 'buyers.merge', { keepId: a.id, mergeId: b.id });
    expect(moved.sample_orders).toBe(2);
    expect(core.db.prepare('SELECT DISTINCT buyer_id FROM sample_orders').all()).toEqual([{ buyer_id: a.id }]);
  });

  it('refuses to merge a buyer into itself or into a buyer that does not exist, changing nothing', async () => {
    const a = await invoke(core, 'buyers.create', { company: 'A', country: 'KE', tags: ['x'] });
    expect(await failure(invoke(core, 'buyers.merge', { keepId: a.id, mergeId: a.id }))).toMatchObject({ code: 'invalid_input', field: 'mergeId' });
    expect(await failure(invoke(core, 'buyers.merge', { keepId: 999, mergeId: a.id }))).toMatchObject({ code: 'not_found', field: 'keepId' });
    expect((await invoke(core, 'buyers.get', { id: a.id })).tags).toEqual(['x']);
  });
});

describe('buyers: visit log', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore({ now: () => new Date('2026-06-15T10:00:00Z') });
  });
  afterEach(() => core.remove());

  it('logs a visit with staff, notes, two products of interest and photos, edits it and deletes it', async () => {
    const car = await invoke(core, 'products.create', { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car', ar: 'سيارة' } });
    const pot = await invoke(core, 'products.create', { itemNo: '04107', names: { zh: '不锈钢汤锅', en: 'Stainless stock pot' } });
    const buyer = await invoke(core, 'buyers.create', { company: 'Cairo Star', country: 'EG' });
    const visit = await invoke(core, 'buyers.addVisit', {
      buyerId: buyer.id, visitedOn: '2026-06-14', staff: 'Lily', notes: 'Wants red and blue, 2 cartons each',
      productIds: [pot.id, car.id, car.id], photos: [{ dataBase64: await photo('#aa3300'), fileName: 'samples.jpg' }],
    });
    expect(visit.products.map((p) => p.itemNo)).toEqual(['00123', '04107']);
    expect(visit.photos).toHaveLength(1);
    const kept = visit.photos[0]?.hash as string;
    const edited = await invoke(core, 'buyers.updateVisit', {
      id: visit.id,
      changes: { notes: 'Ordered 2 cartons', productIds: [car.id], photos: [{ dataBase64: await photo('#0033aa') }, { hash: kept }] },
    });
    expect(edited).toMatchObject({ notes: 'Ordered 2 cartons', staff: 'Lily', visitedOn: '2026-06-14' });
    expect(edited.products.map((p) => p.itemNo)).toEqual(['00123']);
    expect(edited.photos.map((p) => p.hash)[1]).toBe(kept);
    expect(await invoke(core, 'buyers.staff', {})).toEqual(['Lily']);
    await invoke(core, 'buyers.deleteVisit', { id: visit.id });
    expect(await invoke(core, 'buyers.timeline', { id: buyer.id })).toEqual([]);
  });

  it('names the field for a product that does not exist, a date that does not exist or is in the future, and an unknown buyer', async () => {
    const buyer = await invoke(core, 'buyers.create', { company: 'Cairo Star', country: 'EG' });
    expect(await failure(invoke(core, 'buyers.addVisit', { buyerId: buyer.id, visitedOn: '2026-06-01', productIds: [42] }))).toMatchObject({ field: 'productIds.0' });
    expect(await failure(invoke(core, 'buyers.addVisit', { buyerId: buyer.id, visitedOn: '2026-02-30' }))).toMatchObject({ field: 'visitedOn' });
    expect(await failure(invoke(core, 'buyers.addVisit', { buyerId: buyer.id, visitedOn: '2027-01-01' }))).toMatchObject({ field: 'visitedOn' });
    expect(await failure(invoke(core, 'buyers.addVisit', { buyerId: 77, visitedOn: '2026-06-01' }))).toMatchObject({ code: 'not_found', field: 'buyerId' });
    expect(await invoke(core, 'buyers.timeline', { id: buyer.id })).toEqual([]);
  });

  it('offers products to pick by item no first, then by a name in Chinese, English or Arabic', async () => {
    await invoke(core, 'products.create', { itemNo: '0012', names: { en: 'Keychain' } });
    await invoke(core, 'products.create', { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car', ar: 'سيارة لعبة' } });
    await invoke(core, 'products.create', { itemNo: '7001', names: { zh: '玩具车', en: 'Toy car 0012' } });
    expect((await invoke(core, 'buyers.productOptions', { query: '0012' })).map((p) => p.itemNo)).toEqual(['0012', '00123', '7001']);
    expect((await invoke(core, 'buyers.productOptions', { query: '车' })).map((p) => p.itemNo)).toEqual(['00123', '7001']);
    expect((await invoke(core, 'buyers.productOptions', { query: 'PULL' })).map((p) => p.itemNo)).toEqual(['00123']);
    expect((await invoke(core, 'buyers.productOptions', { query: 'سيارة' })).map((p) => p.itemNo)).toEqual(['00123']);
  });
});

describe('buyers.countries: the picker', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('finds the UAE as "阿联酋", "UAE", "United Arab Emirates", "الإمارات", "ОАЭ" and "ae"', async () => {
    for (const query of ['阿联酋', 'UAE', 'United Arab Emirates', 'united arab', 'الإمارات', 'الامارات', 'ОАЭ', 'Эмираты', 'ae', 'Emiratos Árabes']) {
      const first = (await invoke(core, 'buyers.countries', { query, limit: 5 }))[0];
      expect(first?.code, query).toBe('AE');
    }
  });

  it('names countries in the asked language and finds Russian and Arabic names', async () => {
    expect((await invoke(core, 'buyers.countries', { query: 'egypt', lang: 'zh' }))[0]).toEqual({ code: 'EG', name: '埃及', nameEn: 'Egypt', region: 'africa' });
    expect((await invoke(core, 'buyers.countries', { query: 'Россия' }))[0]?.code).toBe('RU');
    expect((await invoke(core, 'buyers.countries', { query: 'مصر' }))[0]?.code).toBe('EG');
    expect((await invoke(core, 'buyers.countries', { query: 'nigeria' }))[0]?.code).toBe('NG');
    expect((await invoke(core, 'buyers.countries', {})).length).toBeGreaterThan(240);
  });
});
