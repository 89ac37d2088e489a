import { createRequire } from 'node:module';
import type * as LibPhoneNumber from 'libphonenumber-js/max';

/**
 * libphonenumber-js with its full metadata, loaded on the first phone number
 * read or shown, not when the module graph is imported: it costs 60–100 ms to
 * load, and a printed document or the command line's `pdf` reads no phone
 * (issue 15: the CLI's cold `pdf` under 1 s). The CommonJS build, required
 * synchronously so the callers stay synchronous.
 */
export type PhoneLibrary = typeof LibPhoneNumber;
export interface PhoneMetadata {
  country_calling_codes: Record<string, string[]>;
}

const load = createRequire(import.meta.url);
let library: PhoneLibrary | null = null;
let metadata: PhoneMetadata | null = null;

export function phoneLibrary(): PhoneLibrary {
  library ??= load('libphonenumber-js/max') as PhoneLibrary;
  return library;
}

export function phoneMetadata(): PhoneMetadata {
  metadata ??= load('libphonenumber-js/metadata.max.json') as PhoneMetadata;
  return metadata;
}
