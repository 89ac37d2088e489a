/**
 * Trade regions, as the stall owner thinks of where business comes from.
 * Every ISO 3166-1 alpha-2 code belongs to exactly one region (tested against
 * the full list). Choices worth knowing: Egypt and the Maghreb are Africa;
 * Turkey is the Middle East; Cyprus is in the EU; "Russia & CIS" is the
 * former-Soviet trade area (Georgia and Ukraine included, the Baltic states
 * are EU); Afghanistan is South Asia; Timor-Leste is ASEAN; Greenland is North
 * America. docs/data-model.md repeats this table.
 */
export const REGIONS = {
  africa: 'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH',
  middle_east: 'AE SA QA KW BH OM YE IQ IR JO LB SY PS IL TR',
  latin_america: 'MX GT BZ SV HN NI CR PA CU DO HT JM TT BB BS AG DM GD KN LC VC PR AW CW SX BQ KY VG VI AI MS TC GP MQ BL MF CO VE EC PE BO CL AR UY PY BR GY SR GF FK',
  asean: 'BN KH ID LA MY MM PH SG TH VN TL',
  eu: 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE',
  cis: 'RU BY KZ KG TJ UZ TM AM AZ MD GE UA',
  south_asia: 'IN PK BD LK NP BT MV AF',
  north_america: 'US CA GL PM BM',
  other_europe: 'GB NO CH IS LI AL BA ME MK RS XK AD MC SM VA GI FO IM JE GG AX SJ',
  oceania: 'AU NZ PG FJ SB VU NC PF WS TO KI TV NR PW FM MH CK NU TK WF AS GU MP NF PN CX CC UM',
  east_asia: 'CN HK MO TW JP KR KP MN',
  other: 'AQ BV GS TF IO HM',
} as const;

export type Region = keyof typeof REGIONS;
export const REGION_CODES = Object.keys(REGIONS) as Region[];

const regionOfCountry = new Map<string, Region>();
for (const region of REGION_CODES) {
  for (const country of REGIONS[region].split(' ')) regionOfCountry.set(country, region);
}

export function regionOf(country: string): Region {
  return regionOfCountry.get(country.toUpperCase()) ?? 'other';
}

export function countriesIn(region: Region): string[] {
  return REGIONS[region].split(' ');
}
