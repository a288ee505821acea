import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hashOid, OID } from '../signature/algorithms';
import { signatureAlgorithm, signBytes, TEST_DIGEST } from './signing-profile';
import type { TestCertificate } from './test-certificates';

export interface SignedContentOptions {
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly signer: TestCertificate;
  /** Put in the signingTime attribute; `null` leaves the attribute out. */
  readonly signingTime: Date | null;
  /** Certificates carried besides the signer's, before it (so a verifier must pick the right one). */
  readonly extraCertificates?: readonly pkijs.Certificate[];
}

/** A CMS ContentInfo holding SignedData with signed attributes, as ICAO 9303 asks for EF.SOD and master lists. */
export function signedContentInfo(options: SignedContentOptions): asn1js.Sequence {
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(TEST_DIGEST), algorithmParams: new asn1js.Null() });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: options.contentType })] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: createHash(TEST_DIGEST).update(options.content).digest() })],
    }),
    ...(options.signingTime ? [new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] })] : []),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes DER-encoded as a SET (tag 0x31), not as the [0] they are carried in.
  const signedBytes = new Uint8Array(signedAttrs.toSchema().toBER());
  signedBytes[0] = 0x31;
  const { certificate } = options.signer;
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: options.contentType,
      eContent: new asn1js.OctetString({ valueHex: options.content }),
    }),
    certificates: [...(options.extraCertificates ?? []), certificate],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        digestAlgorithm,
        signedAttrs,
        signatureAlgorithm: signatureAlgorithm(options.signer.key.profile),
        signature: new asn1js.OctetString({ valueHex: signBytes(options.signer.key, signedBytes) }),
      }),
    ],
  });
  return new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }).toSchema() as asn1js.Sequence;
}
