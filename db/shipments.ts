import { Conditions } from './conditions';
import type { Db } from './open';
import { cached } from './statements';

export interface ForwarderRow {
  id: number;
  name: string;
  contact: string;
  /** E.164. */
  phone: string;
  address: string;
  notes: string;
  archived: 0 | 1;
  created_at: string;
  updated_at: string;
}

export type ForwarderWrite = Pick<ForwarderRow, 'name' | 'contact' | 'phone' | 'address' | 'notes' | 'archived'>;

export function insertForwarder(db: Db, f: ForwarderWrite, now: string): number {
  const info = cached(
    db,
    `INSERT INTO forwarders (name, contact, phone, address, notes, archived, created_at, updated_at)
     VALUES (@name, @contact, @phone, @address, @notes, @archived, @now, @now)`,
  ).run({ ...f, now });
  return Number(info.lastInsertRowid);
}

export function updateForwarder(db: Db, id: number, f: ForwarderWrite, now: string): void {
  cached(
    db,
    `UPDATE forwarders SET name = @name, contact = @contact, phone = @phone, address = @address, notes = @notes,
            archived = @archived, updated_at = @now WHERE id = @id`,
  ).run({ ...f, id, now });
}

export function getForwarder(db: Db, id: number): ForwarderRow | undefined {
  return cached<[number], ForwarderRow>(db, 'SELECT * FROM forwarders WHERE id = ?').get(id);
}

export function listForwarders(db: Db, includeArchived: boolean): ForwarderRow[] {
  return cached<[number], ForwarderRow>(db, 'SELECT * FROM forwarders WHERE archived = 0 OR ? ORDER BY archived, lower(name), id').all(includeArchived ? 1 : 0);
}

export interface ShipmentRow {
  id: number;
  invoice_id: number;
  seq: number;
  number: string;
  delivered_on: string;
  forwarder_id: number | null;
  forwarder_name: string;
  forwarder_phone: string;
  warehouse_address: string;
  entry_no: string;
  shipping_marks: string;
  note: string;
  cartons: number;
  cbm_e3: number;
  gw_g: number;
  nw_g: number;
  created_at: string;
}

export type ShipmentWrite = Omit<ShipmentRow, 'id' | 'created_at'>;

export interface ShipmentLineRow {
  shipment_id: number;
  position: number;
  invoice_line_id: number;
  product_id: number | null;
  qty: number;
  cartons: number;
  carton_from: number | null;
  carton_to: number | null;
  cbm_e3: number;
  gw_g: number;
  nw_g: number;
  move_id: number | null;
}

export function nextShipmentSeq(db: Db, invoiceId: number): number {
  return ((cached<[number], { seq: number | null }>(db, 'SELECT MAX(seq) AS seq FROM shipments WHERE invoice_id = ?').get(invoiceId)?.seq ?? 0) + 1);
}

/** The highest carton number given to a PI's deliveries so far (0 before the first). */
export function lastCartonNo(db: Db, invoiceId: number): number {
  return (
    cached<[number], { last: number | null }>(
      db,
      'SELECT MAX(l.carton_to) AS last FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.invoice_id = ?',
    ).get(invoiceId)?.last ?? 0
  );
}

export function insertShipment(db: Db, s: ShipmentWrite, now: string): number {
  const info = cached(
    db,
    `INSERT INTO shipments (invoice_id, seq, number, delivered_on, forwarder_id, forwarder_name, forwarder_phone, warehouse_address,
                            entry_no, shipping_marks, note, cartons, cbm_e3, gw_g, nw_g, created_at)
     VALUES (@invoice_id, @seq, @number, @delivered_on, @forwarder_id, @forwarder_name, @forwarder_phone, @warehouse_address,
             @entry_no, @shipping_marks, @note, @cartons, @cbm_e3, @gw_g, @nw_g, @now)`,
  ).run({ ...s, now });
  return Number(info.lastInsertRowid);
}

export function insertShipmentLine(db: Db, l: ShipmentLineRow): void {
  cached(
    db,
    `INSERT INTO shipment_lines (shipment_id, position, invoice_line_id, product_id, qty, cartons, carton_from, carton_to, cbm_e3, gw_g, nw_g, move_id)
     VALUES (@shipment_id, @position, @invoice_line_id, @product_id, @qty, @cartons, @carton_from, @carton_to, @cbm_e3, @gw_g, @nw_g, @move_id)`,
  ).run(l);
}

export function getShipment(db: Db, id: number): ShipmentRow | undefined {
  return cached<[number], ShipmentRow>(db, 'SELECT * FROM shipments WHERE id = ?').get(id);
}

export function shipmentsOfInvoice(db: Db, invoiceId: number): ShipmentRow[] {
  return cached<[number], ShipmentRow>(db, 'SELECT * FROM shipments WHERE invoice_id = ? ORDER BY seq').all(invoiceId);
}

export function linesOfShipments(db: Db, shipmentIds: number[]): ShipmentLineRow[] {
  return cached<[string], ShipmentLineRow>(
    db,
    'SELECT * FROM shipment_lines WHERE shipment_id IN (SELECT value FROM json_each(?)) ORDER BY shipment_id, position',
  ).all(JSON.stringify(shipmentIds));
}

/** Per PI line: pieces delivered so far. */
export function deliveredByLine(db: Db, invoiceId: number): Array<{ invoice_line_id: number; qty: number; cartons: number }> {
  return cached<[number], { invoice_line_id: number; qty: number; cartons: number }>(
    db,
    `SELECT l.invoice_line_id, SUM(l.qty) AS qty, SUM(l.cartons) AS cartons FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
      WHERE s.invoice_id = ? GROUP BY l.invoice_line_id`,
  ).all(invoiceId);
}

export interface ShipmentListRow extends ShipmentRow {
  invoice_number: string;
  buyer_id: number;
  buyer_company: string;
  buyer_country: string;
}

export function listShipments(
  db: Db,
  f: { invoiceId?: number | undefined; buyerId?: number | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
): { rows: ShipmentListRow[]; total: number } {
  const { params, where: clause } = new Conditions({ limit: f.limit, offset: f.offset })
    .when(f.invoiceId, 'invoiceId', 's.invoice_id = @invoiceId')
    .when(f.buyerId, 'buyerId', 'i.buyer_id = @buyerId')
    .when(f.from, 'from', 's.delivered_on >= @from')
    .when(f.to, 'to', 's.delivered_on <= @to');
  const base = 'FROM shipments s JOIN invoices i ON i.id = s.invoice_id JOIN buyers b ON b.id = i.buyer_id';
  const rows = db
    .prepare<Record<string, unknown>, ShipmentListRow>(
      `SELECT s.*, i.number AS invoice_number, i.buyer_id, b.company AS buyer_company, b.country AS buyer_country
         ${base} ${clause} ORDER BY s.delivered_on DESC, s.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params);
  const total = (db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n ${base} ${clause}`).get(params) as { n: number }).n;
  return { rows, total };
}
