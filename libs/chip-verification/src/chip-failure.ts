/**
 * Why a chip reading failed passive authentication. The codes are stable: clients, reviewers and the README rely
 * on them.
 */
export const CHIP_FAILURE_CODES = [
  /** EF.SOD, a data group or a certificate is not the ASN.1 structure ICAO 9303 describes. */
  'CHIP.MALFORMED',
  /** The reading has no DG1, the data group holding the MRZ. */
  'CHIP.DG1_MISSING',
  /** DG1 holds no MRZ, or one whose check digits fail. */
  'CHIP.DG1_MRZ_INVALID',
  /** A data group sent does not hash to the value the SOD holds for it. */
  'CHIP.HASH_MISMATCH',
  /** A data group was sent that the SOD does not sign. */
  'CHIP.DATA_GROUP_NOT_SIGNED',
  /** The SOD names a hash or signature algorithm the vault does not accept. */
  'CHIP.UNSUPPORTED_ALGORITHM',
  /** The SOD's signature, or its messageDigest attribute, does not verify with the Document Signer's key. */
  'CHIP.SIGNATURE_INVALID',
  /** The SOD carries no Document Signer certificate matching its signer. */
  'CHIP.DSC_MISSING',
  /** The Document Signer certificate was not valid when the SOD was signed. */
  'CHIP.DSC_EXPIRED',
  /** No CSCA in the trust store issued and signed the Document Signer certificate. */
  'CHIP.UNKNOWN_CSCA',
  /** The CSCA's revocation list names the Document Signer certificate. */
  'CHIP.DSC_REVOKED',
] as const;
export type ChipFailureCode = (typeof CHIP_FAILURE_CODES)[number];

/** Thrown inside a verification step; the step turns it into a failed step of the verdict. */
export class ChipFailure extends Error {
  constructor(
    readonly code: ChipFailureCode,
    message: string,
  ) {
    super(message);
  }
}
