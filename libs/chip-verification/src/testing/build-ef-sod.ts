import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { hashOid, OID } from '../signature/algorithms';
import { signedContentInfo } from './signed-content';
import type { TestCertificate } from './test-certificates';

export interface EfSodOptions {
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly signer: TestCertificate;
  readonly signingTime: Date | null;
  readonly extraCertificates?: readonly pkijs.Certificate[];
  /** The algorithm the LDS security object hashes data groups with. */
  readonly hashAlgorithm?: string;
}

/** EF.SOD as a chip holds it: tag `0x77` around a signed LDS security object over the data groups. */
export function buildEfSod(options: EfSodOptions): Uint8Array {
  const hash = options.hashAlgorithm ?? 'sha256';
  const lds = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(hash), algorithmParams: new asn1js.Null() }).toSchema(),
      new asn1js.Sequence({
        value: [...options.dataGroups].map(
          ([number, bytes]) =>
            new asn1js.Sequence({
              value: [new asn1js.Integer({ value: number }), new asn1js.OctetString({ valueHex: createHash(hash).update(bytes).digest() })],
            }),
        ),
      }),
    ],
  });
  const contentInfo = signedContentInfo({
    contentType: OID.ldsSecurityObject,
    content: new Uint8Array(lds.toBER()),
    signer: options.signer,
    signingTime: options.signingTime,
    extraCertificates: options.extraCertificates,
  });
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 23 }, value: [contentInfo] }).toBER());
}

/** A CSCA master list (ICAO 9303 Part 12), signed by a Master List Signer that one of its CSCAs issued. */
export function buildMasterList(signer: TestCertificate, cscas: readonly pkijs.Certificate[], signingTime: Date): Uint8Array {
  const list = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: cscas.map((csca) => csca.toSchema()) })],
  });
  const contentInfo = signedContentInfo({ contentType: OID.cscaMasterList, content: new Uint8Array(list.toBER()), signer, signingTime });
  return new Uint8Array(contentInfo.toBER());
}
