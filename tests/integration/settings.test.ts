import fs from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke, ApiFailure } from '../../main/api/invoke';
import { imageFile, MAX_IMAGE_SIDE } from '../../main/files/imageStore';
import { tempCore } from '../helpers/tempCore';

describe('settings: seller profile and document defaults', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('starts with empty seller fields and sensible defaults', async () => {
    const s = await invoke(core, 'settings.get', {});
    expect(s.seller.companyNameEn).toBe('');
    expect(s.defaults).toMatchObject({ defaultCurrency: 'USD', quotePrefix: 'Q', invoicePrefix: 'PI', validityDays: 30, depositPercent: 30 });
    expect(s.warnings).toEqual([]);
  });

  it('saves the profile, normalizing phones and WhatsApp to E.164 and the SWIFT code to capitals', async () => {
    const s = await invoke(core, 'settings.update', {
      seller: { companyNameZh: '义乌市佳和进出口有限公司', phones: ['0579 8555 1234', '+86 138 5792 6688'], whatsapp: '138 5792 6688', bankSwift: ' bkchcnbj92h ' },
      defaults: { defaultCurrency: 'eur', validityDays: 15 },
    });
    expect(s.seller.phones).toEqual(['+8657985551234', '+8613857926688']);
    expect(s.seller.whatsapp).toBe('+8613857926688');
    expect(s.seller.bankSwift).toBe('BKCHCNBJ92H');
    expect(s.defaults.defaultCurrency).toBe('EUR');
    expect(s.defaults.validityDays).toBe(15);
  });

  it('names the field when a phone, SWIFT code, currency or validity is wrong, and saves nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ seller: { whatsapp: '12345' } }, 'seller.whatsapp'],
      [{ seller: { phones: ['+8613857926688', 'call me'] } }, 'seller.phones.1'],
      [{ seller: { bankSwift: 'NOT-A-SWIFT' } }, 'seller.bankSwift'],
      [{ seller: { email: 'sales@' } }, 'seller.email'],
      [{ defaults: { defaultCurrency: 'XYZ' } }, 'defaults.defaultCurrency'],
      [{ defaults: { validityDays: 0 } }, 'defaults.validityDays'],
      [{ seller: { companyNameEn: 'Saved?', whatsapp: 'bad' } }, 'seller.whatsapp'],
    ];
    for (const [input, field] of cases) {
      const error = await invoke(core, 'settings.update', input as never).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).error).toMatchObject({ code: 'invalid_input', field });
    }
    expect((await invoke(core, 'settings.get', {})).seller.companyNameEn).toBe('');
  });

  it('warns when the chop name, the header and the bank beneficiary are different companies', async () => {
    const s = await invoke(core, 'settings.update', {
      seller: { companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.', legalName: 'Yiwu Other Trading Co., Ltd.', bankBeneficiary: 'Someone Else Ltd' },
    });
    expect(s.warnings).toEqual(['chop_differs_from_header', 'beneficiary_differs_from_header']);
    const fixed = await invoke(core, 'settings.update', {
      seller: { legalName: 'YIWU JIAHE IMPORT & EXPORT CO., LIMITED', bankBeneficiary: 'Yiwu Jiahe Import and Export Co Ltd'.replace(' and ', ' & ') },
    });
    expect(fixed.warnings).toEqual([]);
  });

  it('stores a logo in the data folder, downscaled, and removes it on request', async () => {
    const big = await sharp({ create: { width: 4000, height: 1000, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const s = await invoke(core, 'settings.setImage', { slot: 'logo', image: { dataBase64: big.toString('base64'), fileName: 'logo.png' } });
    const hash = s.seller.logo?.hash as string;
    const stored = imageFile(core.paths.photos, hash, 'image/png');
    const meta = await sharp(fs.readFileSync(stored)).metadata();
    expect(meta.width).toBe(MAX_IMAGE_SIDE);
    expect(meta.hasAlpha).toBe(true);
    const removed = await invoke(core, 'settings.setImage', { slot: 'logo', image: null });
    expect(removed.seller.logo).toBeNull();
  });

  it('rejects a chop that is not an image, is damaged, or is too large, naming the field', async () => {
    const notImage = Buffer.from('%PDF-1.4 this is not a picture').toString('base64');
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#f00' } }).png().toBuffer();
    const damaged = png.subarray(0, 60).toString('base64');
    for (const dataBase64 of [notImage, damaged, '***not base64***']) {
      const error = (await invoke(core, 'settings.setImage', { slot: 'chop', image: { dataBase64 } }).catch((e: unknown) => e)) as ApiFailure;
      expect(error.error).toMatchObject({ code: 'invalid_input', field: 'image.dataBase64' });
    }
    const huge = Buffer.alloc(21 * 1024 * 1024, 1).toString('base64');
    const tooLarge = (await invoke(core, 'settings.setImage', { slot: 'chop', image: { dataBase64: huge } }).catch((e: unknown) => e)) as ApiFailure;
    expect(tooLarge.error.message).toMatch(/larger than 20 MB/);
    expect((await invoke(core, 'settings.get', {})).seller.chop).toBeNull();
  });
});
