import type * as pkijs from 'pkijs';
import { signatureVerifies } from '../signature/verify-signature';

/**
 * The Country Signing CAs the vault trusts, and the revocation lists their issuers published. Pure data: loading
 * it from files is `loadCscaTrustStore`.
 */
export class CscaTrustStore {
  constructor(
    readonly cscas: readonly pkijs.Certificate[],
    readonly crls: readonly pkijs.CertificateRevocationList[] = [],
  ) {}

  /** The CSCA that issued and signed this certificate, if the store holds it. */
  issuerOf(certificate: pkijs.Certificate): pkijs.Certificate | undefined {
    return this.cscas.find((csca) => csca.subject.isEqual(certificate.issuer) && signedBy(csca, certificate));
  }

  /** The revocation lists this CSCA signed; a list whose signature fails is not the CSCA's and is ignored. */
  crlsOf(csca: pkijs.Certificate): pkijs.CertificateRevocationList[] {
    return this.crls.filter((crl) => crl.issuer.isEqual(csca.subject) && signedBy(csca, crl));
  }
}

function signedBy(issuer: pkijs.Certificate, signed: pkijs.Certificate | pkijs.CertificateRevocationList): boolean {
  return signatureVerifies(issuer.subjectPublicKeyInfo, {
    data: signed.tbsView,
    signature: signed.signatureValue.valueBlock.valueHexView,
    algorithm: signed.signatureAlgorithm,
  });
}
