import { describe, expect, it } from 'vitest';
import { entryOf, fieldPath, formFieldOf } from '../../renderer/src/lib/formErrors';

describe('API errors on form fields (renderer/src/lib/formErrors.ts)', () => {
  it('reads a nested field as a name path, numbers as list indexes', () => {
    expect(fieldPath('lines.2.quantity')).toEqual(['lines', 2, 'quantity']);
    expect(fieldPath('contacts.0.phone')).toEqual(['contacts', 0, 'phone']);
    expect(fieldPath('seller.nameZh')).toEqual(['seller', 'nameZh']);
  });

  it('takes off where the form sits in the input (an update\'s changes, a quick-added buyer)', () => {
    expect(formFieldOf('changes.contacts.1.whatsapp', { within: 'changes' })).toEqual(['contacts', 1, 'whatsapp']);
    expect(formFieldOf('newBuyer.whatsapp', { within: ['newBuyer'] })).toEqual(['whatsapp']);
    // A field outside `within` stays as it is.
    expect(formFieldOf('lines.0.qty', { within: 'changes' })).toEqual(['lines', 0, 'qty']);
  });

  it('puts a field the form names otherwise on that field', () => {
    const rename = { names: 'names.zh', 'paymentTerms.text': 'termsText' };
    expect(formFieldOf('names', { rename })).toEqual(['names', 'zh']);
    expect(formFieldOf('changes.paymentTerms.text', { within: 'changes', rename })).toEqual(['termsText']);
  });

  it('on a flat form, an error inside one of its fields lands on it and any other on the fallback', () => {
    const only = ['visitedOn', 'productIds'];
    expect(formFieldOf('changes.productIds.2', { within: 'changes', only })).toEqual(['productIds']);
    expect(formFieldOf('photos.0', { only })).toBeNull();
    expect(formFieldOf('received.rate', { within: 'received', only: ['amount', 'rate'] })).toEqual(['rate']);
    expect(formFieldOf('buyerId.x', { only: ['whatsapp'], fallback: 'whatsapp' })).toEqual(['whatsapp']);
    expect(formFieldOf(undefined, { fallback: 'pin' })).toEqual(['pin']);
    expect(formFieldOf(undefined)).toBeNull();
  });

  it('finds the list entry an error points into, so a dialog can name its item', () => {
    const lines = [{ lineId: 4 }, { lineId: 9 }];
    expect(entryOf(lines, 'lines.1.qty')).toEqual({ lineId: 9 });
    expect(entryOf(lines, 'lines.5.qty')).toBeUndefined();
    expect(entryOf(lines, 'forwarder.name')).toBeUndefined();
    expect(entryOf(lines, undefined)).toBeUndefined();
  });
});
