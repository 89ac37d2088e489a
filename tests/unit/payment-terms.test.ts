import { describe, expect, it } from 'vitest';
import { paymentTermsWarnings } from '../../main/quotes/paymentTerms';
import type { BalanceRule } from '../../main/quotes/types';

const check = (paymentTerms: string, depositPercent: number, balanceRule: BalanceRule = 'before_shipment') => paymentTermsWarnings({ paymentTerms, depositPercent, balanceRule });

describe('typed payment terms against the deposit % and the balance rule', () => {
  it.each([
    ['30% T/T deposit, balance before shipment', 30],
    ['T/T: 30% deposit with order, 70% balance before loading.', 30],
    ['30%定金，70%尾款出货前付清', 30],
    ['Anticipo del 30 %, saldo antes del embarque', 30],
    ['Предоплата 30%, остаток до отгрузки', 30],
    ['100% T/T in advance', 100],
    ['', 30],
  ])('accepts terms that agree: %s (deposit %i %)', (terms, deposit) => {
    expect(check(terms, deposit)).toEqual([]);
  });

  it('names a typed deposit percent that is not the quotation\'s, in any of the languages staff type', () => {
    expect(check('50% deposit, balance before shipment', 30)).toEqual([{ code: 'deposit_percent_differs', typed: 50, depositPercent: 30 }]);
    expect(check('定金50%，余款出货前付清', 30)).toEqual([{ code: 'deposit_percent_differs', typed: 50, depositPercent: 30 }]);
    expect(check('40% de anticipo', 30)).toEqual([{ code: 'deposit_percent_differs', typed: 40, depositPercent: 30 }]);
    expect(check('30% deposit', 0)).toEqual([{ code: 'deposit_without_percent', typed: 30 }]);
  });

  it('does not take the balance share for a deposit', () => {
    expect(check('70% balance before shipment', 30)).toEqual([]);
  });

  it('warns when everything is asked in advance while a deposit is set', () => {
    expect(check('100% T/T in advance', 30)).toEqual([{ code: 'full_advance_with_deposit', depositPercent: 30 }]);
    expect(check('全款发货', 50)).toEqual([{ code: 'full_advance_with_deposit', depositPercent: 50 }]);
  });

  it('warns when the text puts the balance at another moment than the balance rule', () => {
    expect(check('30% deposit, 70% against B/L copy', 30)).toEqual([{ code: 'balance_rule_differs', typed: 'against_bl_copy', balanceRule: 'before_shipment' }]);
    expect(check('30% deposit, balance by L/C at sight', 30)).toEqual([{ code: 'balance_rule_differs', typed: 'at_sight_lc', balanceRule: 'before_shipment' }]);
    expect(check('30% deposit, balance 30 days after B/L date', 30)).toEqual([{ code: 'balance_rule_differs', typed: 'days_after_bl', balanceRule: 'before_shipment' }]);
    expect(check('30% deposit, balance 30 days after B/L date', 30, 'days_after_bl')).toEqual([]);
    expect(check('30%定金，尾款见提单副本付清', 30, 'against_bl_copy')).toEqual([]);
    expect(check('30% deposit, balance before shipment', 30, 'on_delivery_to_forwarder')).toEqual([{ code: 'balance_rule_differs', typed: 'before_shipment', balanceRule: 'on_delivery_to_forwarder' }]);
  });
});
