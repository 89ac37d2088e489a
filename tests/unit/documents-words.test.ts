import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, arabicNumberWords, chineseCapitalWords, englishTradeWords, splitAmount } from '../../main/documents/words';

describe('amounts in words', () => {
  it('writes English in the trade style banks expect', () => {
    expect(englishTradeWords('1250.05', 'USD')).toBe('SAY US DOLLARS ONE THOUSAND TWO HUNDRED AND FIFTY AND CENTS FIVE ONLY');
    expect(englishTradeWords('21.00', 'EUR')).toBe('SAY EUROS TWENTY ONE ONLY');
    expect(englishTradeWords('15.30', 'SAR')).toBe('SAY SAUDI RIYALS FIFTEEN AND HALALAS THIRTY ONLY');
    expect(englishTradeWords('1234567.89', 'CNY')).toBe('SAY CHINESE YUAN ONE MILLION TWO HUNDRED AND THIRTY FOUR THOUSAND FIVE HUNDRED AND SIXTY SEVEN AND FEN EIGHTY NINE ONLY');
    expect(englishTradeWords('1500', 'JPY')).toBe('SAY JAPANESE YEN ONE THOUSAND FIVE HUNDRED ONLY');
  });

  it('writes Chinese capital numerals with 元角分 and 整', () => {
    expect(chineseCapitalWords('1250.05', 'USD')).toBe('美元壹仟贰佰伍拾元零伍分');
    expect(chineseCapitalWords('1250.50', 'CNY')).toBe('人民币壹仟贰佰伍拾元伍角整');
    expect(chineseCapitalWords('1250.00', 'CNY')).toBe('人民币壹仟贰佰伍拾元整');
    expect(chineseCapitalWords('0.05', 'USD')).toBe('美元伍分');
    expect(chineseCapitalWords('21000.55', 'EUR')).toBe('欧元贰万壹仟元伍角伍分');
  });

  it('agrees Arabic numbers and currency nouns: one, two, 3–10 plural, 11–99 accusative, hundreds singular', () => {
    expect(amountInWords('1.00', 'USD', 'ar')).toBe('فقط دولار أمريكي واحد لا غير');
    expect(amountInWords('2.00', 'SAR', 'ar')).toBe('فقط ريالان سعوديان لا غير');
    expect(amountInWords('3.00', 'USD', 'ar')).toBe('فقط ثلاثة دولارات أمريكية لا غير');
    expect(amountInWords('1250.05', 'USD', 'ar')).toBe('فقط ألف ومائتان وخمسون دولارا أمريكيا وخمسة سنتات لا غير');
    expect(amountInWords('200.00', 'USD', 'ar')).toBe('فقط مائتا دولار أمريكي لا غير');
    expect(amountInWords('2000.00', 'AED', 'ar')).toBe('فقط ألفا درهم إماراتي لا غير');
    expect(amountInWords('21000.00', 'USD', 'ar')).toBe('فقط واحد وعشرون ألف دولار أمريكي لا غير');
    expect(amountInWords('15.05', 'SAR', 'ar')).toBe('فقط خمسة عشر ريالا سعوديا وخمس هللات لا غير');
    expect(arabicNumberWords(3000n)).toBe('ثلاثة آلاف');
    expect(arabicNumberWords(11000n)).toBe('أحد عشر ألفا');
    expect(arabicNumberWords(101000n)).toBe('مائة وواحد ألف');
    expect(arabicNumberWords(2000000n)).toBe('مليونان');
  });

  it('writes Spanish, French, Portuguese and Russian with agreement', () => {
    expect(amountInWords('21.21', 'EUR', 'es')).toBe('Veintiún euros con veintiún céntimos');
    expect(amountInWords('21000.00', 'USD', 'es')).toBe('Veintiún mil dólares estadounidenses');
    expect(amountInWords('1000000.00', 'EUR', 'es')).toBe('Un millón de euros');
    expect(amountInWords('1250.05', 'USD', 'fr')).toBe('Mille deux cent cinquante dollars des États-Unis et cinq cents');
    expect(amountInWords('80.00', 'EUR', 'fr')).toBe('Quatre-vingts euros');
    expect(amountInWords('1250.05', 'USD', 'pt')).toBe('Mil duzentos e cinquenta dólares dos Estados Unidos e cinco centavos');
    expect(amountInWords('1250.05', 'USD', 'ru')).toBe('Одна тысяча двести пятьдесят долларов США и пять центов');
    expect(amountInWords('2.02', 'RUB', 'ru')).toBe('Два российских рубля и две копейки');
    expect(amountInWords('21.21', 'USD', 'ru')).toBe('Двадцать один доллар США и двадцать один цент');
  });

  it('spells every amount up to a billion in every language without throwing, words only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom('USD', 'EUR', 'SAR', 'RUB', 'CNY', 'AED'), (cents, currency) => {
        const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        for (const lang of ['en', 'zh', 'ar', 'es', 'ru', 'fr', 'pt'] as const) {
          const words = amountInWords(amount, currency, lang);
          expect(words, `${amount} ${lang}`).not.toMatch(/\d|undefined|NaN|\s\s/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('spells dinars with their fils and yen and CFA francs whole, so words equal figures', () => {
    expect(englishTradeWords('1.004', 'KWD')).toBe('SAY KUWAITI DINARS ONE AND FILS FOUR ONLY');
    expect(englishTradeWords('152', 'JPY')).toBe('SAY JAPANESE YEN ONE HUNDRED AND FIFTY TWO ONLY');
    expect(englishTradeWords('295442', 'XOF')).toBe('SAY WEST AFRICAN CFA FRANCS TWO HUNDRED AND NINETY FIVE THOUSAND FOUR HUNDRED AND FORTY TWO ONLY');
    expect(amountInWords('1.004', 'KWD', 'ar')).toBe('فقط دينار كويتي واحد وأربعة فلوس لا غير');
    expect(amountInWords('12.345', 'BHD', 'ru')).toBe('Двенадцать бахрейнских динаров и триста сорок пять филсов');
  });

  it('writes 大写 with 厘 for the thousandths of a dinar and 整 after whole yen', () => {
    expect(chineseCapitalWords('1.004', 'KWD')).toBe('科威特第纳尔壹元零肆厘');
    expect(chineseCapitalWords('12.345', 'KWD')).toBe('科威特第纳尔壹拾贰元叁角肆分伍厘');
    expect(chineseCapitalWords('152', 'JPY')).toBe('日元壹佰伍拾贰元整');
    expect(chineseCapitalWords('0.200', 'KWD')).toBe('科威特第纳尔贰角整');
  });

  it('spells a yen figure stored with cents before version 8 with its cents, as printed', () => {
    expect(englishTradeWords('151.76', 'JPY')).toBe('SAY JAPANESE YEN ONE HUNDRED AND FIFTY ONE AND CENTS SEVENTY SIX ONLY');
  });

  it('reads the minor units from the currency\'s digits', () => {
    expect(splitAmount('12.5', 'USD')).toEqual({ major: 12n, minor: 50, digits: 2 });
    expect(splitAmount('12.50', 'KWD')).toEqual({ major: 12n, minor: 500, digits: 3 });
    expect(splitAmount('1500.00', 'JPY')).toEqual({ major: 1500n, minor: 0, digits: 0 });
    expect(splitAmount('1.004', 'KWD')).toEqual({ major: 1n, minor: 4, digits: 3 });
    expect(splitAmount('151.76', 'JPY')).toEqual({ major: 151n, minor: 76, digits: 2 });
    expect(() => splitAmount('-1', 'USD')).toThrow();
  });
});
