import type { ApiInput, ApiOutput } from '../../api/client';

export type Buyer = ApiOutput<'buyers.get'>;
export type ListInput = ApiInput<'buyers.search'>;
export type Region = NonNullable<ListInput['region']>;
export type Sort = NonNullable<ListInput['sort']>;
export type TimelineEvent = ApiOutput<'buyers.timeline'>[number];
export type Visit = Extract<TimelineEvent, { kind: 'visit' }>['visit'];
export type Duplicate = ApiOutput<'buyers.checkDuplicates'>[number];

export const REGIONS: Region[] = ['africa', 'middle_east', 'latin_america', 'asean', 'eu', 'cis', 'south_asia', 'north_america', 'other_europe', 'oceania', 'east_asia', 'other'];

/** API field "contacts.1.phone" → form name ['contacts', 1, 'phone']. */

/** Right-to-left text (Arabic, Persian) gets dir="auto" rendering through <bdi>; this tells whether a string needs it. */
export function isRtl(text: string): boolean {
  return /[\u0590-\u08ff]/.test(text);
}
