/**
 * Two of fontkit's tables read here instead of by fontkit's decoder, which decodes more than a
 * document uses, one field at a time: ≈35 ms of a cold PI. Each gives what fontkit's decoder gives
 * (tests/unit/documents-font-tables.test.ts holds them to it for every font the app ships).
 * Both leave a fontkit that keeps its tables otherwise (a new version) as it is.
 */

/** Both readers on a font just opened. */
export function readTablesDirectly(font: unknown): void {
  postHeaderFirst(font);
  locaDirectly(font);
}

/** The parts of fontkit's font object (2.0.4, pinned) that the readers here use. */
interface TableSource {
  _tables?: Record<string, unknown>;
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
  stream?: { buffer?: Uint8Array };
  _decodeTable?: (table: { offset: number; length: number }) => Record<string, unknown>;
}

/**
 * pdfkit reads the font's `post` table for two figures of a PDF's font descriptor (the italic
 * angle and fixed pitch), and fontkit decodes the whole table for them, the name of every glyph
 * included: ≈25 ms of a cold PI for Noto Sans's names, which no document prints. The table's
 * 32-byte header is read at once, as fontkit reads it; the rest (glyph names) is decoded by fontkit
 * when something asks for it. A fontkit that keeps its tables otherwise is left as it is.
 */
export function postHeaderFirst(font: unknown): void {
  const f = font as TableSource;
  const table = f.directory?.tables?.post;
  const bytes = f.stream?.buffer;
  const decode = f._decodeTable?.bind(f);
  if (!f._tables || !table || !bytes || !decode || table.length < 32 || 'post' in f._tables) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  let whole: Record<string, unknown> | undefined;
  const post: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(post, key, { get: () => (whole ??= decode(table))[key], enumerable: true });
  }
  f._tables.post = post;
}

/**
 * The glyphs' offsets in the glyf table (loca), which every glyph drawn or embedded needs: fontkit
 * decodes the 30,000 entries of the Chinese font one by one (≈10 ms). Read from the bytes at once,
 * doubled for the short format, as fontkit's own loca.process() does.
 */
export function locaDirectly(font: unknown): void {
  const f = font as TableSource & { head?: { indexToLocFormat?: number } };
  const table = f.directory?.tables?.loca;
  const bytes = f.stream?.buffer;
  if (!f._tables || !table || !bytes || 'loca' in f._tables) return;
  const version = f.head?.indexToLocFormat;
  if (version !== 0 && version !== 1) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  const size = version === 1 ? 4 : 2;
  const offsets: number[] = new Array<number>(Math.floor(table.length / size));
  for (let i = 0; i < offsets.length; i += 1) offsets[i] = version === 1 ? view.getUint32(i * 4) : view.getUint16(i * 2) * 2;
  f._tables.loca = { version, offsets, _processed: true };
}
