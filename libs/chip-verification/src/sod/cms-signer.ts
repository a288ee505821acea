import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ChipFailure } from '../chip-failure';
import { hashNamed, OID } from '../signature/algorithms';
import { signatureVerifies } from '../signature/verify-signature';
import { decodeDer, readAs, sameBytes } from './der';

/** A CMS SignedData with one signer, as ICAO uses for EF.SOD and for master lists. */
export interface SignedContent {
  readonly signedData: pkijs.SignedData;
  readonly signerInfo: pkijs.SignerInfo;
  /** The encapsulated content, e.g. the DER of an LDSSecurityObject. */
  readonly content: Uint8Array;
}

export function readSignedContent(contentInfo: asn1js.AsnType, expectedContentType: string, what: string): SignedContent {
  const info = readAs(what, () => new pkijs.ContentInfo({ schema: contentInfo }));
  if (info.contentType !== OID.signedData) throw new ChipFailure('CHIP.MALFORMED', `${what} is not CMS SignedData`);
  const signedData = readAs(what, () => new pkijs.SignedData({ schema: info.content }));
  const encapsulated = signedData.encapContentInfo;
  // pkijs types eContent as an OCTET STRING but keeps whatever a damaged reading encodes there.
  if (encapsulated.eContentType !== expectedContentType || !(encapsulated.eContent instanceof asn1js.OctetString)) {
    throw new ChipFailure('CHIP.MALFORMED', `${what} does not hold the content ICAO 9303 names for it`);
  }
  if (signedData.signerInfos.length !== 1) {
    throw new ChipFailure('CHIP.MALFORMED', `${what} has ${signedData.signerInfos.length} signers; ICAO 9303 asks for one`);
  }
  return { signedData, signerInfo: signedData.signerInfos[0], content: new Uint8Array(encapsulated.eContent.getValue()) };
}

/** The certificate the SignerInfo names, among those the SignedData carries. */
export function signerCertificate(signed: SignedContent): pkijs.Certificate {
  const certificates = (signed.signedData.certificates ?? []).filter(
    (candidate): candidate is pkijs.Certificate => candidate instanceof pkijs.Certificate,
  );
  const sid = signed.signerInfo.sid;
  const found = certificates.find((certificate) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)
      : subjectKeyIdentifierIs(certificate, sid),
  );
  if (found === undefined) throw new ChipFailure('CHIP.DSC_MISSING', 'the signer certificate is not in the SOD');
  return found;
}

/**
 * Checks the signed attributes (content type, and the messageDigest over the content with the signer's digest
 * algorithm), then the signature over them with the signer certificate's key.
 */
export function checkSignature(signed: SignedContent, signer: pkijs.Certificate): void {
  const { signerInfo } = signed;
  const digest = hashNamed(signerInfo.digestAlgorithm.algorithmId);
  const attributes = signerInfo.signedAttrs;
  if (attributes === undefined) {
    throw new ChipFailure('CHIP.MALFORMED', 'the SOD has no signed attributes; ICAO 9303 requires them');
  }
  const contentType = attributeValue(attributes, OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== signed.signedData.encapContentInfo.eContentType) {
    throw new ChipFailure('CHIP.SIGNATURE_INVALID', 'the signed content type is not the content the SOD holds');
  }
  const messageDigest = attributeValue(attributes, OID.messageDigest);
  const actual = createHash(digest).update(signed.content).digest();
  if (!(messageDigest instanceof asn1js.OctetString) || !sameBytes(messageDigest.valueBlock.valueHexView, actual)) {
    throw new ChipFailure('CHIP.SIGNATURE_INVALID', 'the signed message digest is not the digest of the content');
  }
  const verified = signatureVerifies(signer.subjectPublicKeyInfo, {
    data: new Uint8Array(attributes.encodedValue),
    signature: signerInfo.signature.valueBlock.valueHexView,
    algorithm: signerInfo.signatureAlgorithm,
    fallbackHash: digest,
  });
  if (!verified) throw new ChipFailure('CHIP.SIGNATURE_INVALID', "the signature does not verify with the signer certificate's key");
}

/** The signingTime attribute, when the signer put one in. */
export function signingTime(signed: SignedContent): Date | null {
  const attributes = signed.signerInfo.signedAttrs;
  const value = attributes === undefined ? undefined : attributeValue(attributes, OID.signingTime);
  if (value === undefined) return null;
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  throw new ChipFailure('CHIP.MALFORMED', 'the signing time is not a time');
}

function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes, type: string): asn1js.AsnType | undefined {
  const matching = attributes.attributes.filter((attribute) => attribute.type === type);
  if (matching.length > 1 || (matching.length === 1 && matching[0].values.length !== 1)) {
    throw new ChipFailure('CHIP.MALFORMED', `the signed attribute ${type} must appear once with one value`);
  }
  return matching[0]?.values[0];
}

function subjectKeyIdentifierIs(certificate: pkijs.Certificate, sid: unknown): boolean {
  // pkijs keeps a [0] subjectKeyIdentifier as the implicitly tagged primitive it read.
  if (!(sid instanceof asn1js.Primitive)) return false;
  const wanted = sid.valueBlock.valueHexView;
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === '2.5.29.14');
  if (extension === undefined) return false;
  const keyIdentifier = decodeDer(extension.extnValue.valueBlock.valueHexView, 'a subject key identifier');
  return keyIdentifier instanceof asn1js.OctetString && sameBytes(keyIdentifier.valueBlock.valueHexView, wanted);
}
