/** The part of fontkit (pdfkit's font engine) the documents use; fontkit ships no types. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
