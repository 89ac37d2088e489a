/** How the bytes of a CSV file were read. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Text of a CSV file, without its byte order mark:
 * - UTF-16 with a BOM, little or big endian (Excel's "Unicode text");
 * - UTF-8, with or without a BOM, when the bytes are valid UTF-8;
 * - otherwise GB18030, what Excel in China writes as "CSV" (a superset of GBK and GB2312).
 * Node's TextDecoder (full ICU) decodes all four; no other decoder is needed.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // ignoreBOM false: the decoder takes a UTF-8 BOM off.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
