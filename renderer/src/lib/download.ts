export function base64ToBlob(data: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

/** Saves bytes as a file through the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file the API returned (export, PDF, diagnostics) through the browser's download. */
export function download(file: { fileName: string; mime: string; dataBase64: string }): void {
  saveBlob(base64ToBlob(file.dataBase64, file.mime), file.fileName);
}
