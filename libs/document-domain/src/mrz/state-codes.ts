/**
 * The codes ICAO Doc 9303 Part 3 allows for an issuing state or nationality: ISO 3166-1 alpha-3, with Germany as `D`
 * (never `DEU`),
 * and the codes Part 3 adds for British nationals, stateless persons and refugees, and organisations that issue
 * travel documents. Kosovo's `RKS` is not in ISO 3166 but is printed on its documents and accepted by ICAO members.
 */
const ISO_3166_ALPHA_3 = `
  ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM
  BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR
  CYM CYP CZE DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN
  GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM
  JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG
  MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL
  NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN
  SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
  TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
`;

const DOC_9303_ADDITIONS = `
  D GBD GBN GBO GBP GBS RKS EUE UNA UNK UNO XBA XIM XCC XCE XCO XDC XEC XES XOM XPO XXA XXB XXC XXX
`;

const codes = (list: string) => list.trim().split(/\s+/);

const STATE_CODES: ReadonlySet<string> = new Set([...codes(ISO_3166_ALPHA_3), ...codes(DOC_9303_ADDITIONS)]);

/** Utopia, the state of Doc 9303's specimens: a test or a trainee may show one, a customer never can. */
export const SPECIMEN_STATE_CODES: ReadonlySet<string> = new Set(['UTO']);

/** Every state code an MRZ may carry in production, for generators of test data. */
export const ICAO_STATE_CODES: readonly string[] = [...STATE_CODES];

export type StateCodeReading = 'state' | 'specimen' | 'unknown';

/** `code` without fillers, as read from the MRZ. */
export function stateCodeKind(code: string): StateCodeReading {
  if (STATE_CODES.has(code)) return 'state';
  return SPECIMEN_STATE_CODES.has(code) ? 'specimen' : 'unknown';
}
