import { randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { CscaTrustStore } from '../trust-store/csca-trust-store';
import { buildEfSod } from './build-ef-sod';
import { dg1FromMrz, dg2WithImage } from './data-groups';
import { ICAO_TD3_SPECIMEN } from './icao-specimens';
import { generateTestKey, type SigningProfile } from './signing-profile';
import { issueCertificate, type TestCertificate } from './test-certificates';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysFrom = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** A state's passive authentication PKI: a Country Signing CA and a Document Signer it issued. */
export interface TestPki {
  readonly csca: TestCertificate;
  readonly dsc: TestCertificate;
  readonly trustStore: CscaTrustStore;
}

export interface TestPkiOptions {
  readonly profile: SigningProfile;
  readonly now: Date;
  readonly country?: string;
  /** The Document Signer's validity, in days from now; by default from a year ago to two years ahead. */
  readonly dscValidDays?: { readonly from: number; readonly to: number };
}

export function createTestPki(options: TestPkiOptions): TestPki {
  const { now, profile } = options;
  const country = options.country ?? 'UT';
  const csca = issueCertificate({
    commonName: `${country} test CSCA ${profile}`,
    country,
    notBefore: daysFrom(now, -5 * 365),
    notAfter: daysFrom(now, 10 * 365),
    key: generateTestKey(profile),
    isCa: true,
  });
  const dsc = issueDocumentSigner(csca, now, options.dscValidDays ?? { from: -365, to: 2 * 365 });
  return { csca, dsc, trustStore: new CscaTrustStore([csca.certificate]) };
}

/** Another Document Signer of the same CSCA, e.g. one whose validity has ended. */
export function issueDocumentSigner(csca: TestCertificate, now: Date, validDays: { readonly from: number; readonly to: number }): TestCertificate {
  return issueCertificate({
    commonName: `test Document Signer ${randomBytes(4).toString('hex')}`,
    notBefore: daysFrom(now, validDays.from),
    notAfter: daysFrom(now, validDays.to),
    key: generateTestKey(csca.key.profile),
    issuer: csca,
    isCa: false,
  });
}

export interface TestChipReading {
  readonly sod: Uint8Array;
  readonly dataGroups: Map<number, Uint8Array>;
}

export interface ChipReadingOptions {
  readonly mrz?: readonly string[];
  readonly withFace?: boolean;
  /** By default a month before now; `null` leaves the SOD without a signing time. */
  readonly signingTime?: Date | null;
  readonly signer?: TestCertificate;
  readonly extraCertificates?: readonly pkijs.Certificate[];
}

/** What an app reads from a genuine chip signed by this PKI's Document Signer. */
export function aChipReading(pki: TestPki, now: Date, options: ChipReadingOptions = {}): TestChipReading {
  const dataGroups = new Map<number, Uint8Array>([[1, dg1FromMrz(options.mrz ?? ICAO_TD3_SPECIMEN)]]);
  if (options.withFace) dataGroups.set(2, dg2WithImage(new Uint8Array(randomBytes(2048))));
  const sod = buildEfSod({
    dataGroups,
    signer: options.signer ?? pki.dsc,
    signingTime: options.signingTime === undefined ? daysFrom(now, -30) : options.signingTime,
    extraCertificates: options.extraCertificates,
  });
  return { sod, dataGroups };
}
