import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { appPath } from '../../main/paths/appRoot';
import { refreshSearchIndex } from '../../main/buyers/service';
import { insertBuyer, replaceContacts, replaceTags } from '../../db/buyers';
import { insertVisit, replaceVisitProducts } from '../../db/visits';
import type { BenchContext } from './index';
import { measure, timeMs, timeMsAsync } from './stats';

const FIRST = {
  ar: ['محمد', 'أحمد', 'عبدالله', 'خالد', 'يوسف', 'فاطمة', 'نور', 'إبراهيم'],
  ru: ['Алексей', 'Дмитрий', 'Айгерим', 'Рустам', 'Ольга', 'Тимур'],
  zh: ['王', '李', '张', '刘', '陈', '林'],
  es: ['María', 'José', 'Camila', 'Andrés', 'Lucía', 'Jesús'],
  en: ['Chinedu', 'Grace', 'Kwame', 'Rahul', 'Budi', 'Juma'],
};
const LAST = {
  ar: ['الحسن', 'القحطاني', 'العبادي', 'المصري', 'النجار', 'حداد'],
  ru: ['Смирнов', 'Иванов', 'Каримов', 'Петрова', 'Юсупов', 'Ким'],
  zh: ['丽', '伟', '芳', '强', '静', '美玲'],
  es: ['Muñoz', 'Fernández', 'Gómez', 'Núñez', 'Peña', 'Ibáñez'],
  en: ['Okafor', 'Wanjiru', 'Mensah', 'Sharma', 'Santoso', 'Mwinyi'],
};
const PLACES: Array<{ country: string; script: keyof typeof FIRST; prefix: string; city: string }> = [
  { country: 'AE', script: 'ar', prefix: '+97150', city: 'Dubai' },
  { country: 'SA', script: 'ar', prefix: '+96650', city: 'Jeddah' },
  { country: 'EG', script: 'ar', prefix: '+20100', city: 'Cairo' },
  { country: 'RU', script: 'ru', prefix: '+7916', city: 'Москва' },
  { country: 'KZ', script: 'ru', prefix: '+7701', city: 'Almaty' },
  { country: 'ES', script: 'zh', prefix: '+34612', city: 'Madrid' },
  { country: 'MX', script: 'es', prefix: '+52155', city: 'Ciudad de México' },
  { country: 'CO', script: 'es', prefix: '+57310', city: 'Bogotá' },
  { country: 'NG', script: 'en', prefix: '+234803', city: 'Lagos' },
  { country: 'KE', script: 'en', prefix: '+254712', city: 'Nairobi' },
  { country: 'IN', script: 'en', prefix: '+9198', city: 'Mumbai' },
  { country: 'BR', script: 'es', prefix: '+5511', city: 'São Paulo' },
];
const COMPANY = ['Trading', 'General Trading LLC', 'Import & Export', 'Bazaar', 'Wholesale', 'Supplies Ltd', 'Comercial', 'Opt'];

/** Builds `count` buyers with contacts in five scripts and four visits each on average, straight through the query modules. */
function buildBuyers(core: Core, count: number, products: number): void {
  const day0 = Date.UTC(2026, 5, 15);
  core.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
      const first = FIRST[place.script];
      const last = LAST[place.script];
      const id = insertBuyer(
        core.db,
        {
          company: `${last[i % last.length]} ${COMPANY[i % COMPANY.length]} ${i}`,
          country: place.country, city: place.city, address: '', currency: 'USD', doc_language: 'en', agent: '',
          passport_no: '', tax_no: '', nationality: '', notes: '', card_image: null,
        },
        '2026-01-01T00:00:00.000Z',
      );
      const phone = `${place.prefix}${String(1_000_000 + ((i * 7919) % 8_999_999)).slice(0, 7)}`;
      replaceContacts(core.db, id, [
        { name: `${first[i % first.length]} ${last[(i * 7) % last.length]}`, role: '', phone: '', whatsapp: phone, wechat: i % 5 === 0 ? `wx_${i}` : '', email: i % 3 === 0 ? `buy${i}@example.com` : '' },
      ]);
      replaceTags(core.db, id, i % 4 === 0 ? ['VIP'] : ['wholesale']);
      for (let v = 0; v < 4; v += 1) {
        const day = new Date(day0 - ((i * 13 + v * 97) % 730) * 86_400_000).toISOString().slice(0, 10);
        const visit = insertVisit(core.db, { buyer_id: id, visited_on: day, staff: 'Lily', notes: '' });
        replaceVisitProducts(core.db, visit, [1 + ((i * 31 + v) % products), 1 + ((i * 17 + v * 3) % products)]);
      }
    }
  })();
}

/** Buyers: search in any script over a few thousand buyers, the list by last visit, the dashboard, CSV import and export. */
export async function benchBuyers(ctx: BenchContext, count: number): Promise<Record<string, unknown>> {
  const core = openCore(ctx.dataDir, { now: () => new Date('2026-06-15T10:00:00Z') });
  try {
    ctx.log(`building ${count} buyers with ${count * 4} visits`);
    const build = timeMs(() => buildBuyers(core, count, ctx.products));
    ctx.log('search index for all buyers');
    const index = timeMs(() => core.db.transaction(() => refreshSearchIndex(core))());
    const search = (query: string, extra: Record<string, unknown> = {}) => () => invoke(core, 'buyers.search', { query, limit: 50, ...extra });
    ctx.log('buyers.search, buyers.list, reports.trade');
    const figures: Record<string, unknown> = {
      buyers: count,
      visits: count * 4,
      buyersBuildMs: Math.round(build.ms),
      buyersSearchIndexBuildMs: Math.round(index.ms),
      buyersSearchArabic: await measure(50, search('احمد')),
      buyersSearchCyrillic: await measure(50, search('смирнов')),
      buyersSearchChineseOneChar: await measure(50, search('丽')),
      buyersSearchLatinNoAccents: await measure(50, search('munoz')),
      buyersSearchPhoneDigits: await measure(50, search('0803 100')),
      buyersSearchTwoWordsInRegion: await measure(50, search('general trading', { region: 'middle_east' })),
      buyersListByLastVisit: await measure(50, () => invoke(core, 'buyers.list', { sort: 'lastVisit', limit: 50 })),
      reportsTrade12Months: await measure(10, () => invoke(core, 'reports.trade', { from: '2025-06-16', to: '2026-06-15', currency: 'CNY' }), 2),
    };
    ctx.log('buyers.export');
    figures.buyersExportMs = Math.round((await timeMsAsync(() => invoke(core, 'buyers.export', {}))).ms);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-buyers-'));
    try {
      const fresh = openCore(dir);
      const csv = fs.readFileSync(appPath('tests', 'fixtures', 'buyers', 'buyers-300.csv'), 'utf8');
      ctx.log('buyers.import of the 300-row fixture');
      figures.buyersImport300RowsMs = Math.round((await timeMsAsync(() => invoke(fresh, 'buyers.import', { csv }))).ms);
      fresh.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  } finally {
    core.close();
  }
}
