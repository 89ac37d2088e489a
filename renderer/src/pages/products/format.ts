/** The name to show first in this UI language, and the other one. */
export function namesFor(names: { zh?: string; en?: string }, language: string): { main: string; other: string } {
  const zh = language.startsWith('zh');
  const main = (zh ? names.zh || names.en : names.en || names.zh) ?? '';
  const other = (zh ? (names.zh ? names.en : '') : names.en ? names.zh : '') ?? '';
  return { main, other };
}

export { base64ToBlob, download } from '../../lib/download';

/** Units a stall uses; any other text is accepted too. */
export const UNITS = ['pcs', 'set', 'dozen', 'pair', 'box', 'pack', 'card', 'roll', 'bag', 'kg', 'm'];
