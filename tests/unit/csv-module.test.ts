import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../main/csv/decode';
import { detectDelimiter } from '../../main/csv/delimiter';
import { CsvSyntaxError, raggedRows, readCsv } from '../../main/csv/read';
import { writeCsv } from '../../main/csv/write';

/** Bytes of a text as UTF-16 with its BOM, as Excel's "Unicode text" saves. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

describe('main/csv: bytes to text', () => {
  it('reads UTF-8 with and without a BOM, and takes the BOM off', () => {
    expect(decodeCsvBytes(Buffer.from('\ufeffa,b\r\n', 'utf8'))).toEqual({ text: 'a,b\r\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.from('شركة,город\n', 'utf8'))).toEqual({ text: 'شركة,город\n', encoding: 'utf-8' });
  });

  it('reads a GB18030 file as Excel in China saves it, two- and four-byte characters included', () => {
    // printf '货号,品名,备注\r\nYW-1,"儿童玩具车, 红色",€ 😀\r\n' | iconv -f UTF-8 -t GB18030
    const bytes = Buffer.from('bbf5bac52cc6b7c3fb2cb1b8d7a20d0a59572d312c22b6f9cdafcde6bedfb3b52c20baecc9ab222ca2e3209439fc360d0a', 'hex');
    const { text, encoding } = decodeCsvBytes(bytes);
    expect(encoding).toBe('gb18030');
    expect(readCsv(text, { skipEmptyLines: true })).toEqual({ delimiter: ',', header: ['货号', '品名', '备注'], rows: [['YW-1', '儿童玩具车, 红色', '€ 😀']] });
  });

  it('reads UTF-16 with a BOM, little and big endian, tab-separated as Excel\'s "Unicode text"', () => {
    const text = '公司\tcountry\tcity\r\nمكتبة النور\tEG\tالقاهرة\r\n';
    for (const endian of ['le', 'be'] as const) {
      const decoded = decodeCsvBytes(utf16(text, endian));
      expect(decoded).toEqual({ text, encoding: `utf-16${endian}` });
      expect(readCsv(decoded.text, { skipEmptyLines: true })).toEqual({ delimiter: '\t', header: ['公司', 'country', 'city'], rows: [['مكتبة النور', 'EG', 'القاهرة']] });
    }
  });
});

describe('main/csv: reading', () => {
  it('finds the separator outside quotes, in a header whose quoted cell spans lines', () => {
    expect(detectDelimiter('a,b,c\r\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('\ufeff"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('"x\n,,,,";a\tb\tc')).toBe('\t');
    expect(detectDelimiter('one column')).toBe(',');
  });

  it('reads a semicolon file from a European Excel: decimal commas stay in their cell, a quoted ";" too', () => {
    const bytes = Buffer.from('\ufeffRéf;Désignation;Prix\r\n000001;"Voiture; rouge";9,99\r\n000002;Poupée;12,50\r\n', 'utf8');
    const table = readCsv(decodeCsvBytes(bytes).text, { skipEmptyLines: true });
    expect(table).toEqual({ delimiter: ';', header: ['Réf', 'Désignation', 'Prix'], rows: [['000001', 'Voiture; rouge', '9,99'], ['000002', 'Poupée', '12,50']] });
  });

  it('keeps line breaks, separators and doubled quotes inside quoted cells, with CRLF or LF between records', () => {
    for (const eol of ['\r\n', '\n']) {
      const text = `name,notes${eol}"Cup ""Deluxe""","line one${eol}line two, still notes"${eol}Plate,${eol}`;
      expect(readCsv(text, { skipEmptyLines: true })?.rows).toEqual([['Cup "Deluxe"', `line one${eol}line two, still notes`], ['Plate', '']]);
    }
  });

  it('numbers data rows from 1 under the header, blank lines kept or left out as asked', () => {
    const text = '\r\n,,\r\nitem_no,name\r\nA,cup\r\n\r\nB,plate\r\n';
    expect(readCsv(text, { skipEmptyLines: false })?.rows).toEqual([['A', 'cup'], [''], ['B', 'plate']]);
    expect(readCsv(text, { skipEmptyLines: true })).toEqual({ delimiter: ',', header: ['item_no', 'name'], rows: [['A', 'cup'], ['B', 'plate']] });
    expect(readCsv('\r\n , \r\n', { skipEmptyLines: true })).toBeNull();
  });

  it('refuses a ragged row with its row number: too few fields (a truncated line) and too many (a stray separator)', () => {
    const table = readCsv('item_no,name,price\nA,cup,1.50\nB,plate\nC,bowl,2.00\nD,mug,3,00\n', { skipEmptyLines: true });
    if (!table) throw new Error('no table');
    expect(raggedRows(table)).toEqual([{ row: 2, fields: 2, header: 3 }, { row: 4, fields: 4, header: 3 }]);
  });

  it('names the data row where text stops being CSV (an unclosed quote)', () => {
    const read = () => readCsv('company,country\nGood,EG\nAlso good,KE\n"Broken,EG\n', { skipEmptyLines: true });
    expect(read).toThrow(CsvSyntaxError);
    try {
      read();
    } catch (error) {
      expect((error as CsvSyntaxError).row).toBe(3);
      expect((error as CsvSyntaxError).message).toMatch(/quote/i);
    }
  });

  it('takes the formula guard off what it reads: one apostrophe before = + - @', () => {
    expect(readCsv("phone,name\n'+20 100 123 4567,'=SUM(A1)\n''-1,O'Neil\n", { skipEmptyLines: true })?.rows).toEqual([['+20 100 123 4567', '=SUM(A1)'], ["'-1", "O'Neil"]]);
  });
});

describe('main/csv: writing', () => {
  it('writes a BOM, CRLF after every record, and quotes only cells with a comma, quote, line break or edge space', () => {
    const csv = writeCsv([['a', 'b', 'c', 'd', 'e', 'f'], ['plain', 'x,y', 'say "hi"', 'one\ntwo', ' lead', ''], ['cr\rlf', 'trail ', '中文', 'عربي', 'semi;colon', 'tab\tin']]);
    expect(csv).toBe('\ufeffa,b,c,d,e,f\r\nplain,"x,y","say ""hi""","one\ntwo"," lead",\r\n"cr\rlf","trail ",中文,عربي,semi;colon,tab\tin\r\n');
  });

  it('guards every formula-looking cell and reads its own output back exactly', () => {
    const records = [['name', 'phone'], ['=HYPERLINK("http://evil.example","Click")', '+20 100 123 4567'], ['-5', '@SUM(A1)'], ["'=already", '\t=1+1'], ['line\r\nbreak', '＝wide']];
    const csv = writeCsv(records);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""Click"")",\'+20 100 123 4567\r\n');
    expect(csv).toContain("'-5,'@SUM(A1)\r\n");
    const table = readCsv(decodeCsvBytes(Buffer.from(csv, 'utf8')).text, { skipEmptyLines: true });
    expect([table?.header, ...(table?.rows ?? [])]).toEqual(records);
  });
});
