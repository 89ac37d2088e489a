import { AMOUNT_SCALE, currencyDigits, formatAmount } from '../money/amounts';
import { toScaled } from '../money/decimal';
import { addFacts, addTable, addTitle, cellNumber, label, safeFileName, sheetFile, type LabelKey, type SheetFile, type SheetLang } from '../sheets/workbook';
import type { Receivable, Statement } from './service';

const KIND_LABEL: Record<string, LabelKey> = { invoice: 'kind.invoice', payment: 'kind.payment', delivery: 'kind.delivery', cancelled: 'kind.cancelled' };

/** A statement of account as a workbook: one sheet per currency (entries with running balance, aging, the PIs). */
export function statementSheet(st: Statement, lang: SheetLang): Promise<SheetFile> {
  const name = `${st.buyer.company} ${st.from ?? ''}_${st.to}`.trim();
  return sheetFile(safeFileName(`statement ${name}.xlsx`), (workbook) => {
    for (const s of st.sections) {
      const digits = currencyDigits(s.currency);
      const sheet = workbook.addWorksheet(s.currency);
      addTitle(sheet, `${label(lang, 'statement')} · ${st.buyer.company}`);
      addFacts(sheet, lang, [
        ['buyer', `${st.buyer.company} (${st.buyer.country})`],
        ['period', `${st.from ?? '…'} – ${st.to}`],
        ['asOf', st.asOf],
        ['currency', s.currency],
      ]);
      addTable(
        sheet,
        lang,
        [{ key: 'date', width: 12 }, { key: 'entry', width: 18 }, { key: 'piNo', width: 18 }, { key: 'reference', width: 24 }, { key: 'debit', digits }, { key: 'creditCol', digits }, { key: 'runningBalance', digits }],
        [
          [null, label(lang, 'opening'), null, null, null, null, cellNumber(s.opening)],
          ...s.entries.map((e) => [e.date, label(lang, KIND_LABEL[e.kind] ?? 'entry'), e.invoice.number, e.reference, cellNumber(e.debit), cellNumber(e.credit), cellNumber(e.balance)]),
        ],
        { totals: [null, label(lang, 'closing'), null, null, cellNumber(s.invoiced), cellNumber(addMoney(s.paid, s.cancelled, s.currency)), cellNumber(s.closing)] },
      );
      sheet.addRow([]);
      const row = sheet.addRow([label(lang, 'aging')]);
      row.font = { bold: true };
      addTable(
        sheet,
        lang,
        [{ key: 'notDue', digits }, { key: 'days0to30', digits }, { key: 'days31to60', digits }, { key: 'days61to90', digits }, { key: 'days90plus', digits }, { key: 'overdue', digits }, { key: 'outstanding', digits }],
        [[s.aging.notDue, s.aging.days0to30, s.aging.days31to60, s.aging.days61to90, s.aging.days90plus, s.aging.overdue, s.aging.outstanding].map(cellNumber)],
      );
      sheet.addRow([]);
      addTable(
        sheet,
        lang,
        [{ key: 'piNo', width: 18 }, { key: 'date', width: 12 }, { key: 'invoiced', digits }, { key: 'paid', digits }, { key: 'balance', digits }, { key: 'dueOn', width: 12 }, { key: 'overdue', digits: 0 }],
        s.invoices.map((i) => [i.number, i.issuedOn, cellNumber(i.total), cellNumber(i.paid), cellNumber(i.balance), i.dueOn, i.daysOverdue]),
      );
    }
    if (st.sections.length === 0) workbook.addWorksheet(st.buyer.company.slice(0, 31) || 'statement');
  });
}

/** a + b, two amounts of one currency, exactly. */
function addMoney(a: string, b: string, currency: string): string {
  return formatAmount(toScaled(a, AMOUNT_SCALE) + toScaled(b, AMOUNT_SCALE), currency);
}

/** The receivables list as a sheet. */
export function receivablesSheet(items: Receivable[], asOf: string, lang: SheetLang): Promise<SheetFile> {
  return sheetFile(safeFileName(`receivables ${asOf}.xlsx`), (workbook) => {
    const sheet = workbook.addWorksheet('receivables');
    addTitle(sheet, `${label(lang, 'receivables')} · ${label(lang, 'asOf')} ${asOf}`);
    addTable(
      sheet,
      lang,
      [
        { key: 'company', width: 30 }, { key: 'country', width: 8 }, { key: 'currency', width: 8 }, { key: 'outstanding', digits: 2 }, { key: 'overdue', digits: 2 },
        { key: 'credit', digits: 2 }, { key: 'balance', digits: 2 }, { key: 'openInvoices', digits: 0 }, { key: 'since', width: 12 }, { key: 'notDue', digits: 2 },
        { key: 'days0to30', digits: 2 }, { key: 'days31to60', digits: 2 }, { key: 'days61to90', digits: 2 }, { key: 'days90plus', digits: 2 },
      ],
      items.map((r) => [
        r.buyer.company, r.buyer.country, r.currency, cellNumber(r.owed), cellNumber(r.overdue), cellNumber(r.credit), cellNumber(r.balance), r.openInvoices, r.since,
        cellNumber(r.aging.notDue), cellNumber(r.aging.days0to30), cellNumber(r.aging.days31to60), cellNumber(r.aging.days61to90), cellNumber(r.aging.days90plus),
      ]),
    );
  });
}
