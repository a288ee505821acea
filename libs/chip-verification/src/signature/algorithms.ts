import { ChipFailure } from '../chip-failure';

/** Hash algorithms ICAO 9303 Part 12 allows for data group hashes and signatures, by OID, named as Node names them. */
const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export type SignatureScheme =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: string | null }
  | { readonly kind: 'rsa-pss' }
  | { readonly kind: 'ecdsa'; readonly hash: string | null; readonly encoding: 'der' | 'ieee-p1363' };

/**
 * Signature algorithms by OID. `hash: null` means the algorithm names no hash of its own (plain `rsaEncryption` or
 * `ecPublicKey`, which some states put in a SignerInfo): the CMS digest algorithm then decides.
 */
const SIGNATURES: Readonly<Record<string, SignatureScheme>> = {
  '1.2.840.113549.1.1.1': { kind: 'rsa-pkcs1', hash: null },
  '1.2.840.113549.1.1.5': { kind: 'rsa-pkcs1', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { kind: 'rsa-pkcs1', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { kind: 'rsa-pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { kind: 'rsa-pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { kind: 'rsa-pkcs1', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { kind: 'rsa-pss' },
  '1.2.840.10045.2.1': { kind: 'ecdsa', hash: null, encoding: 'der' },
  '1.2.840.10045.4.1': { kind: 'ecdsa', hash: 'sha1', encoding: 'der' },
  '1.2.840.10045.4.3.1': { kind: 'ecdsa', hash: 'sha224', encoding: 'der' },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', hash: 'sha256', encoding: 'der' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', hash: 'sha384', encoding: 'der' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', hash: 'sha512', encoding: 'der' },
  // BSI TR-03111 plain signatures (r || s), used by German documents.
  '0.4.0.127.0.7.1.1.4.1.1': { kind: 'ecdsa', hash: 'sha1', encoding: 'ieee-p1363' },
  '0.4.0.127.0.7.1.1.4.1.2': { kind: 'ecdsa', hash: 'sha224', encoding: 'ieee-p1363' },
  '0.4.0.127.0.7.1.1.4.1.3': { kind: 'ecdsa', hash: 'sha256', encoding: 'ieee-p1363' },
  '0.4.0.127.0.7.1.1.4.1.4': { kind: 'ecdsa', hash: 'sha384', encoding: 'ieee-p1363' },
  '0.4.0.127.0.7.1.1.4.1.5': { kind: 'ecdsa', hash: 'sha512', encoding: 'ieee-p1363' },
};

export const OID = {
  rsaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ldsSecurityObject: '2.23.136.1.1.1',
  cscaMasterList: '2.23.136.1.1.2',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

export function hashNamed(oid: string): string {
  const hash = HASHES[oid];
  if (hash === undefined) throw new ChipFailure('CHIP.UNSUPPORTED_ALGORITHM', `hash algorithm ${oid} is not supported`);
  return hash;
}

export function hashOid(hash: string): string {
  const oid = Object.keys(HASHES).find((candidate) => HASHES[candidate] === hash);
  if (oid === undefined) throw new RangeError(`no OID for hash ${hash}`);
  return oid;
}

export function signatureScheme(oid: string): SignatureScheme {
  const scheme = SIGNATURES[oid];
  if (scheme === undefined) {
    throw new ChipFailure('CHIP.UNSUPPORTED_ALGORITHM', `signature algorithm ${oid} is not supported`);
  }
  return scheme;
}
