import type PDFDocument from 'pdfkit';
import { appPath } from '../paths/appRoot';

/**
 * Fonts that ship with the app (whole TTF files from npm, subset into each PDF
 * by pdfkit): Noto Sans for Latin and Cyrillic, Noto Sans SC for Chinese,
 * Noto Sans Arabic for Arabic. Registered in a pdfkit document under the names
 * `<script>` and `<script>-bold`.
 */
export type Script = 'latin' | 'cjk' | 'arabic';

function font(pkg: string, family: string, weight: '400Regular' | '700Bold'): string {
  return appPath('node_modules', '@expo-google-fonts', pkg, weight, `${family}_${weight}.ttf`);
}

export const FONT_FILES: Record<Script, { regular: string; bold: string }> = {
  latin: { regular: font('noto-sans', 'NotoSans', '400Regular'), bold: font('noto-sans', 'NotoSans', '700Bold') },
  cjk: { regular: font('noto-sans-sc', 'NotoSansSC', '400Regular'), bold: font('noto-sans-sc', 'NotoSansSC', '700Bold') },
  arabic: { regular: font('noto-sans-arabic', 'NotoSansArabic', '400Regular'), bold: font('noto-sans-arabic', 'NotoSansArabic', '700Bold') },
};

/** Registers every font under `latin`, `latin-bold`, `cjk`, `cjk-bold`, `arabic`, `arabic-bold`. */
export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  for (const [script, files] of Object.entries(FONT_FILES)) {
    doc.registerFont(script, files.regular);
    doc.registerFont(`${script}-bold`, files.bold);
  }
}

/** Which font a character needs: Arabic letters, CJK ideographs and punctuation, else Latin/Cyrillic. */
export function scriptOf(char: string): Script | null {
  const cp = char.codePointAt(0) ?? 0;
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) {
    return 'arabic';
  }
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f)) {
    return 'cjk';
  }
  if (/\s/.test(char) || (cp >= 0x30 && cp <= 0x39)) return null; // neutral: spaces and digits go with their neighbours
  return 'latin';
}
