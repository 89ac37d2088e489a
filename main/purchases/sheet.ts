import { addFacts, addTable, addTitle, cellNumber, label, safeFileName, sheetFile, type SheetFile, type SheetLang } from '../sheets/workbook';
import type { PurchaseOrder } from './types';

/** A purchase order as a sheet for factories that want one: lines with both item nos, packing, cost and amount. */
export function purchaseOrderSheet(order: PurchaseOrder, lang: SheetLang): Promise<SheetFile> {
  return sheetFile(safeFileName(`${order.number}.xlsx`), (workbook) => {
    const sheet = workbook.addWorksheet(order.number);
    addTitle(sheet, `${label(lang, 'purchaseOrder')} ${order.number}`);
    addFacts(sheet, lang, [
      ['supplier', [order.supplier.names.zh, order.supplier.names.en].filter(Boolean).join(' / ')],
      ['contact', order.supplier.contact],
      ['phone', order.supplier.phone],
      ['orderDate', order.orderDate],
      ['deliveryDate', order.deliveryDate],
      ['forPi', order.invoice?.number ?? ''],
      ['requirements', order.requirements],
      ['shippingMarks', order.shippingMarks],
    ]);
    const size = (l: PurchaseOrder['lines'][number]) => (l.packing.cartonCm ? `${l.packing.cartonCm.l}×${l.packing.cartonCm.w}×${l.packing.cartonCm.h}` : '');
    addTable(
      sheet,
      lang,
      [
        { key: 'no', width: 6 }, { key: 'itemNo' }, { key: 'supplierItemNo' }, { key: 'nameZh', width: 24 }, { key: 'nameEn', width: 24 },
        { key: 'colors' }, { key: 'qty', digits: 0 }, { key: 'unit', width: 8 }, { key: 'pcsPerCarton', digits: 0 }, { key: 'cartons', digits: 0 },
        { key: 'cartonSize' }, { key: 'unitCost', digits: 4 }, { key: 'amountCny', digits: 2 }, { key: 'note', width: 30 },
      ],
      order.lines.map((l) => [
        l.no, l.itemNo, l.supplierItemNo, l.names.zh, l.names.en, l.colors, l.qty, l.unit, l.packing.pcsPerCarton, l.cartons, size(l),
        cellNumber(l.costCny), cellNumber(l.costAmount), l.note,
      ]),
      {
        totals: [
          label(lang, 'total'), null, null, null, null, null, null, null, null, order.lines.reduce((s, l) => s + l.cartons, 0), null, null,
          cellNumber(order.costTotal), null,
        ],
      },
    );
  });
}
