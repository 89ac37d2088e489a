/**
 * The delivery as the forwarder's market-procurement (1039, 市场采购贸易) declaration needs it:
 * per line the HS code, Chinese and English names, quantity and unit, value in the PI's
 * currency and in USD, cartons, gross and net weights; the buyer's name and country.
 * USD: the PI's currency as it is, or converted through CNY (the PI's own rate to CNY, the
 * stored USD rate of the delivery day to USD), rounded once per line.
 */
import type { Core } from '../core';
import { countryName } from '../buyers/countries';
import { convertAmount, currencyDigits } from '../money/amounts';
import { money } from '../quotes/totals';
import { toScaled } from '../money/decimal';
import { getInvoice as invoiceRow } from '../../db/invoices';
import { addFacts, addTable, addTitle, cellNumber, label, safeFileName, sheetFile, type SheetFile, type SheetLang } from '../sheets/workbook';
import { rateE8On, rateText } from '../rates/service';
import type { Shipment } from './types';

export interface DeclarationLine {
  hsCode: string;
  nameZh: string;
  nameEn: string;
  qty: number;
  unit: string;
  value: string;
  valueUsd: string | null;
  cartons: number;
  grossWeightKg: string;
  netWeightKg: string;
}

/** The declaration's figures; valueUsd is null (and a warning given) when no USD rate is stored for the delivery day. */
export function declarationLines(core: Core, shipment: Shipment): { lines: DeclarationLine[]; usdRate: string | null; warnings: Array<'no_usd_rate'> } {
  const currency = shipment.invoice.currency;
  const row = invoiceRow(core.db, shipment.invoice.id);
  const usdE8 = currency === 'USD' ? null : rateE8On(core, 'USD', shipment.deliveredOn);
  const usd = (value: string): string | null => {
    if (currency === 'USD') return value;
    if (usdE8 === null || !row) return null;
    return money(convertAmount(BigInt(toScaled(value, 4)), row.rate_e8, usdE8, 'USD'), 'USD');
  };
  const lines = shipment.lines.map((l) => ({
    hsCode: l.hsCode,
    nameZh: l.names.zh,
    nameEn: l.names.en,
    qty: l.qty,
    unit: l.unit,
    value: l.value,
    valueUsd: usd(l.value),
    cartons: l.cartons,
    grossWeightKg: l.grossWeightKg,
    netWeightKg: l.netWeightKg,
  }));
  return {
    lines,
    usdRate: currency === 'USD' ? '1' : usdE8 === null ? null : rateText(usdE8),
    warnings: currency !== 'USD' && usdE8 === null ? ['no_usd_rate'] : [],
  };
}

export async function declarationSheet(core: Core, shipment: Shipment, lang: SheetLang): Promise<SheetFile & { warnings: Array<'no_usd_rate'> }> {
  const { lines, usdRate, warnings } = declarationLines(core, shipment);
  const pi = invoiceRow(core.db, shipment.invoice.id);
  const country = shipment.invoice.buyer.country;
  const countryText = lang === 'en' ? countryName(country, 'en') : lang === 'zh' ? countryName(country, 'zh') : `${countryName(country, 'zh')} / ${countryName(country, 'en')}`;
  const usdTotal = lines.some((l) => l.valueUsd === null) ? null : money(lines.reduce((s, l) => s + BigInt(toScaled(l.valueUsd as string, 4)), 0n), 'USD');
  const file = await sheetFile(safeFileName(`${shipment.number}-1039.xlsx`), (workbook) => {
    const sheet = workbook.addWorksheet('1039');
    addTitle(sheet, `${label(lang, 'declaration')} ${shipment.number}`);
    addFacts(sheet, lang, [
      ['buyer', shipment.invoice.buyer.company],
      ['country', `${countryText} (${country})`],
      ['piNo', shipment.invoice.number],
      ['deliveredOn', shipment.deliveredOn],
      ['forwarder', [shipment.forwarder.name, shipment.forwarder.address].filter(Boolean).join(' · ')],
      ['entryNo', shipment.entryNo],
      ['currency', pi?.currency ?? shipment.invoice.currency],
      ['rateUsd', usdRate],
    ]);
    const digits = currencyDigits(shipment.invoice.currency);
    addTable(
      sheet,
      lang,
      [
        { key: 'no', width: 6 }, { key: 'hsCode' }, { key: 'nameZh', width: 24 }, { key: 'nameEn', width: 28 }, { key: 'qty', digits: 0 },
        { key: 'unit', width: 8 }, { key: 'value', digits }, { key: 'valueUsd', digits: 2 }, { key: 'cartons', digits: 0 }, { key: 'gw', digits: 2 }, { key: 'nw', digits: 2 },
      ],
      lines.map((l, i) => [i + 1, l.hsCode, l.nameZh, l.nameEn, l.qty, l.unit, cellNumber(l.value), cellNumber(l.valueUsd), l.cartons, cellNumber(l.grossWeightKg), cellNumber(l.netWeightKg)]),
      {
        totals: [
          label(lang, 'total'), null, null, null, null, null, cellNumber(shipment.totals.value), cellNumber(usdTotal), shipment.totals.cartons,
          cellNumber(shipment.totals.grossWeightKg), cellNumber(shipment.totals.netWeightKg),
        ],
      },
    );
  });
  return { ...file, warnings };
}
