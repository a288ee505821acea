import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signatureAlgorithm, signBytes, type TestKey } from './signing-profile';

export interface TestCertificate {
  readonly certificate: pkijs.Certificate;
  readonly key: TestKey;
}

export interface CertificateRequest {
  readonly commonName: string;
  readonly country?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly key: TestKey;
  /** The issuer; a CSCA issues itself. */
  readonly issuer?: TestCertificate;
  readonly isCa: boolean;
}

/** Issues an X.509 certificate signed with Node's crypto, so brainpool keys can sign too (WebCrypto cannot). */
export function issueCertificate(request: CertificateRequest): TestCertificate {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial() });
  nameInto(certificate.subject, request.country ?? 'UT', request.commonName);
  const issuer = request.issuer ?? { certificate, key: request.key };
  if (request.issuer) certificate.issuer = request.issuer.certificate.subject;
  else nameInto(certificate.issuer, request.country ?? 'UT', request.commonName);
  certificate.notBefore.value = request.notBefore;
  certificate.notAfter.value = request.notAfter;
  certificate.subjectPublicKeyInfo = request.key.publicKeyInfo;
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: request.isCa }).toSchema().toBER(),
    }),
  ];
  certificate.signature = signatureAlgorithm(issuer.key.profile);
  certificate.signatureAlgorithm = signatureAlgorithm(issuer.key.profile);
  const tbs = new Uint8Array(certificate.encodeTBS().toBER());
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: signBytes(issuer.key, tbs) });
  // Read back from DER, as a verifier would see it.
  return { certificate: pkijs.Certificate.fromBER(certificate.toSchema(true).toBER()), key: request.key };
}

/** A CRL signed by the CSCA, revoking the given certificates. */
export function issueCrl(csca: TestCertificate, revoked: readonly TestCertificate[], at: Date): pkijs.CertificateRevocationList {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = csca.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: at });
  crl.revokedCertificates = revoked.map(
    ({ certificate }) => new pkijs.RevokedCertificate({ userCertificate: certificate.serialNumber, revocationDate: new pkijs.Time({ type: 0, value: at }) }),
  );
  crl.signature = signatureAlgorithm(csca.key.profile);
  crl.signatureAlgorithm = signatureAlgorithm(csca.key.profile);
  // pkijs keeps a CRL's encodeTBS protected; the first element of the encoded list is the same bytes.
  const tbs = new Uint8Array((crl.toSchema(true) as asn1js.Sequence).valueBlock.value[0].toBER());
  crl.tbsView = tbs;
  crl.signatureValue = new asn1js.BitString({ valueHex: signBytes(csca.key, tbs) });
  return pkijs.CertificateRevocationList.fromBER(crl.toSchema(true).toBER());
}

function nameInto(name: pkijs.RelativeDistinguishedNames, country: string, commonName: string): void {
  name.typesAndValues.push(
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: country }) }),
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: commonName }) }),
  );
}

/** A positive serial number of 16 random bytes. */
function serial(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  bytes[0] |= 0x01;
  return new Uint8Array(bytes);
}
