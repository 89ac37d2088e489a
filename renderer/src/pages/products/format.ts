/** The name to show first in this UI language, and the other one. */
export function namesFor(names: { zh?: string; en?: string }, language: string): { main: string; other: string } {
  const zh = language.startsWith('zh');
  const main = (zh ? names.zh || names.en : names.en || names.zh) ?? '';
  const other = (zh ? (names.zh ? names.en : '') : names.en ? names.zh : '') ?? '';
  return { main, other };
}

export function base64ToBlob(data: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** Saves a file the API returned (export, PDF) through the browser's download. */
export function download(file: { fileName: string; mime: string; dataBase64: string }): void {
  const url = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mime));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Units a stall uses; any other text is accepted too. */
export const UNITS = ['pcs', 'set', 'dozen', 'pair', 'box', 'pack', 'card', 'roll', 'bag', 'kg', 'm'];
