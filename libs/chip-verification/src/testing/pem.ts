/** PEM text for DER bytes, as a trust store folder holds certificates and CRLs. */
export function toPem(label: 'CERTIFICATE' | 'X509 CRL', der: ArrayBuffer | Uint8Array): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END ${label}-----\n`;
}
