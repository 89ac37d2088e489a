import type { z } from 'zod';
import { buyersMethods } from '../buyers/methods';
import { documentsMethods } from '../documents/methods';
import { productsMethods } from '../products/methods';
import { reportsMethods } from '../reports/methods';
import { settingsMethods } from '../settings/methods';
import { quotesMethods } from '../quotes/methods';
import { invoicesMethods } from '../invoices/methods';
import { ratesMethods } from '../rates/methods';
import { authMethods, networkMethods } from '../auth/methods';
import { backupMethods } from '../backup/methods';
import { stockMethods } from '../stock/methods';
import { diagnosticsMethods } from '../diagnostics/methods';
import { suppliersMethods } from '../suppliers/methods';
import { purchasesMethods } from '../purchases/methods';
import { shipmentsMethods } from '../shipments/methods';
import { statementsMethods } from '../statements/methods';

/**
 * The API table: every operation of the app, by name `<area>.<verb>`.
 * Each business area contributes its methods; both doors (Electron IPC and
 * HTTP) call into this one table through dispatch.ts.
 */
export const apiTable = {
  ...settingsMethods,
  ...productsMethods,
  ...stockMethods,
  ...buyersMethods,
  ...reportsMethods,
  ...documentsMethods,
  ...quotesMethods,
  ...invoicesMethods,
  ...ratesMethods,
  ...authMethods,
  ...networkMethods,
  ...backupMethods,
  ...diagnosticsMethods,
  ...suppliersMethods,
  ...purchasesMethods,
  ...shipmentsMethods,
  ...statementsMethods,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;
type Spec<M extends MethodName> = ApiTable[M];
type InputSchema<M extends MethodName> = Spec<M>['input'];

/** What a caller sends: the schema's input type. */
export type ApiInput<M extends MethodName> = z.input<InputSchema<M>>;
/** What a caller gets back. */
export type ApiOutput<M extends MethodName> = Awaited<ReturnType<Spec<M>['handler']>>;
