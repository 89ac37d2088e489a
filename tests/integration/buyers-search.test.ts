import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { foldText, searchTerms } from '../../main/buyers/searchText';
import { tempCore } from '../helpers/tempCore';

describe('buyers.search: any script', () => {
  let core: ReturnType<typeof tempCore>;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    core = tempCore({ now: () => new Date('2026-06-15T10:00:00Z') });
    const add = async (key: string, input: Parameters<typeof invoke<'buyers.create'>>[2]) => {
      ids[key] = (await invoke(core, 'buyers.create', input)).id;
    };
    await add('cairo', { company: 'Cairo Star Import & Export', country: 'EG', city: 'Cairo', currency: 'USD', tags: ['container'], contacts: [{ name: 'أحمد مصطفى', whatsapp: '0100 123 4567' }] });
    await add('riyadh', { company: 'شركة الفجر للتجارة', country: 'SA', currency: 'SAR', contacts: [{ name: 'عبدالله القحطاني', phone: '+966 50 123 4567' }] });
    await add('moscow', { company: 'ООО «Восток Трейд»', country: 'RU', currency: 'RUB', tags: ['VIP'], contacts: [{ name: 'Алексей Смирнов', email: 'Alexey@Vostok.example' }] });
    await add('madrid', { company: 'Madrid Bazar Oriental S.L.', country: 'ES', currency: 'EUR', contacts: [{ name: 'Wang Li (王丽)', wechat: 'wangli_madrid' }] });
    await add('santiago', { company: 'Santiago Regalos SpA', country: 'CL', contacts: [{ name: 'Camila Muñoz' }] });
    await add('hamburg', { company: 'Hamburg Handelshaus GmbH', country: 'DE', currency: 'EUR', tags: ['VIP'], contacts: [{ name: 'Jürgen Müller' }] });
    await add('istanbul', { company: 'İstanbul Toptan Ltd. Şti.', country: 'TR', contacts: [{ name: 'Mehmet Yılmaz' }] });
    await add('lagos', { company: 'Lagos Mega Stores', country: 'NG', tags: ['container', 'VIP'], contacts: [{ name: 'Chinedu Okafor', whatsapp: '0803 123 4567' }] });
  });
  afterEach(() => core.remove());

  const found = async (query: string, extra: Record<string, unknown> = {}) =>
    (await invoke(core, 'buyers.search', { query, ...extra })).items.map((b) => b.id);

  it('finds Latin names without their accents: "munoz" finds Muñoz, "jurgen" finds Jürgen, "istanbul" finds İstanbul', async () => {
    expect(await found('munoz')).toEqual([ids.santiago]);
    expect(await found('JURGEN muller')).toEqual([ids.hamburg]);
    expect(await found('istanbul')).toEqual([ids.istanbul]);
    expect(await found('yilmaz')).toEqual([ids.istanbul]);
  });

  it('finds Arabic names with or without hamza and diacritics, and Arabic company names', async () => {
    expect(await found('أحمد')).toEqual([ids.cairo]);
    expect(await found('احمد مصطفى')).toEqual([ids.cairo]);
    expect(await found('أَحْمَد')).toEqual([ids.cairo]);
    expect(await found('الفجر')).toEqual([ids.riyadh]);
    expect(await found('القحطانى')).toEqual([ids.riyadh]);
  });

  it('finds Cyrillic in any case and Chinese by one character', async () => {
    expect(await found('смирнов')).toEqual([ids.moscow]);
    expect(await found('ВОСТОК')).toEqual([ids.moscow]);
    expect(await found('丽')).toEqual([ids.madrid]);
  });

  it('finds a phone typed locally, internationally or in part, and WeChat IDs and emails', async () => {
    expect(await found('0100 123 4567')).toEqual([ids.cairo]);
    expect(await found('+20 100-123-4567')).toEqual([ids.cairo]);
    expect(await found('00201001234567')).toEqual([ids.cairo]);
    expect(await found('1234567')).toEqual(expect.arrayContaining([ids.cairo, ids.riyadh, ids.lagos]));
    expect(await found('wangli_madrid')).toEqual([ids.madrid]);
    expect(await found('alexey@vostok.example')).toEqual([ids.moscow]);
  });

  it('combines the query with country, region, tag and currency filters', async () => {
    expect(await found('', { tag: 'VIP', sort: 'company' })).toEqual([ids.hamburg, ids.lagos, ids.moscow]);
    expect(await found('', { region: 'eu', sort: 'company' })).toEqual([ids.hamburg, ids.madrid]);
    expect(await found('', { region: 'eu', currency: 'EUR', tag: 'VIP' })).toEqual([ids.hamburg]);
    expect(await found('a', { country: 'NG' })).toEqual([ids.lagos]);
    expect(await found('', { country: 'NG', region: 'eu' })).toEqual([]);
    expect(await found('nobody-by-this-name')).toEqual([]);
  });

  it('finds a buyer after its contacts change, and no longer by the old name', async () => {
    await invoke(core, 'buyers.update', { id: ids.santiago as number, changes: { contacts: [{ name: 'Valentina Pérez' }] } });
    expect(await found('perez')).toEqual([ids.santiago]);
    expect(await found('munoz')).toEqual([]);
  });

  it('sorts by last visit, most recent first, buyers never visited last, and filters by last visit', async () => {
    await invoke(core, 'buyers.addVisit', { buyerId: ids.lagos as number, visitedOn: '2026-06-01' });
    await invoke(core, 'buyers.addVisit', { buyerId: ids.cairo as number, visitedOn: '2025-11-20' });
    await invoke(core, 'buyers.addVisit', { buyerId: ids.cairo as number, visitedOn: '2026-06-10' });
    await invoke(core, 'buyers.addVisit', { buyerId: ids.moscow as number, visitedOn: '2026-01-05' });
    const all = await found('', { sort: 'lastVisit' });
    expect(all.slice(0, 3)).toEqual([ids.cairo, ids.lagos, ids.moscow]);
    expect(all).toHaveLength(8);
    expect(await found('', { lastVisitFrom: '2026-05-01', sort: 'company' })).toEqual([ids.cairo, ids.lagos]);
    expect(await found('', { lastVisitTo: '2026-05-01' })).toEqual([ids.moscow]);
    expect(await found('', { neverVisited: true, sort: 'company' })).toHaveLength(5);
    const cairo = await invoke(core, 'buyers.get', { id: ids.cairo as number });
    expect(cairo).toMatchObject({ lastVisit: '2026-06-10', visits: 2 });
  });

  it('rebuilds the search text of buyers written before the index existed', async () => {
    core.db.prepare('DELETE FROM buyer_search').run();
    expect(await found('смирнов')).toEqual([ids.moscow]);
    const rows = (core.db.prepare('SELECT count(*) AS n FROM buyer_search').get() as { n: number }).n;
    expect(rows).toBe(8);
  });

  it('pages through results with a total', async () => {
    const page1 = await invoke(core, 'buyers.search', { query: '', sort: 'company', limit: 3 });
    const page2 = await invoke(core, 'buyers.search', { query: '', sort: 'company', limit: 3, offset: 3 });
    expect(page1.total).toBe(8);
    expect(page1.items).toHaveLength(3);
    expect(page2.items[0]?.company).not.toBe(page1.items[2]?.company);
  });
});

describe('search folding', () => {
  it('folds accents, case, Arabic letter variants and digits the same way on both sides', () => {
    expect(foldText('Muñoz  Jürgen-Straße')).toBe('munoz jurgen strasse');
    expect(foldText('إبراهيم مدرسة مصطفى')).toBe('ابراهيم مدرسه مصطفي');
    expect(foldText('Ёлка Йошкар')).toBe('елка иошкар');
    expect(foldText('ＡＢＣ１２３ 王丽')).toBe('abc123 王丽');
    expect(searchTerms('٠١٠٠ ١٢٣ ٤٥٦٧')).toEqual(['01001234567']);
    expect(searchTerms('Al-Noor  trading')).toEqual(['al', 'noor', 'trading']);
  });
});
