/** Price decimals and container types used by every quotation. */
import type { Core } from '../core';
import * as q from '../../db/quotes';
import { fromScaled } from '../money/decimal';
import { type QuoteSettings } from './types';
import { nowIso } from './records';

export function quoteSettings(core: Core): QuoteSettings {
  return {
    priceDecimals: q.getQuoteSettings(core.db).price_decimals,
    containers: q.containerTypes(core.db).map((c) => ({ code: c.code, capacityCbm: fromScaled(c.capacity_cbm_e3, 3, 0), payloadKg: String(c.payload_kg) })),
  };
}

export function updateQuoteSettings(
  core: Core,
  input: { priceDecimals?: number | undefined; containers?: Array<{ code: string; capacityCbm: number; payloadKg: number }> | undefined },
): QuoteSettings {
  if (input.priceDecimals !== undefined) q.setPriceDecimals(core.db, input.priceDecimals, nowIso(core));
  if (input.containers) {
    q.replaceContainerTypes(
      core.db,
      input.containers.map((c, i) => ({ code: c.code.toUpperCase(), position: i + 1, capacity_cbm_e3: c.capacityCbm, payload_kg: c.payloadKg })),
    );
  }
  return quoteSettings(core);
}
