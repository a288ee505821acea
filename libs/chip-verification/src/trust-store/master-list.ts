import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ChipFailure } from '../chip-failure';
import { checkSignature, readSignedContent, signerCertificate } from '../sod/cms-signer';
import { decodeDer } from '../sod/der';
import { OID } from '../signature/algorithms';
import { CscaTrustStore } from './csca-trust-store';

// ICAO 9303 Part 12, 9: CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }
const SCHEMA = new asn1js.Sequence({
  value: [
    new asn1js.Integer({ name: 'version' }),
    new asn1js.Set({ value: [new asn1js.Repeated({ name: 'certificates', value: pkijs.Certificate.schema() })] }),
  ],
});

/**
 * The CSCA certificates of an ICAO or national master list. The list's own signature must verify with the Master
 * List Signer it carries, and that signer must chain to a CSCA on the list: a list altered after signing is refused.
 * Whether to trust the list's publisher is the operator's call, made by configuring it.
 */
export function readMasterList(contentInfo: asn1js.AsnType): pkijs.Certificate[] {
  const signed = readSignedContent(contentInfo, OID.cscaMasterList, 'the master list');
  const decoded = decodeDer(signed.content, 'the master list');
  const verified = asn1js.compareSchema(decoded, decoded, SCHEMA);
  if (!verified.verified) throw new ChipFailure('CHIP.MALFORMED', 'the master list is not a CscaMasterList');
  const cscas = ((verified.result as unknown as { certificates?: asn1js.Sequence[] }).certificates ?? []).map(
    (schema) => new pkijs.Certificate({ schema }),
  );
  const signer = signerCertificate(signed);
  checkSignature(signed, signer);
  if (new CscaTrustStore(cscas).issuerOf(signer) === undefined) {
    throw new ChipFailure('CHIP.UNKNOWN_CSCA', "the master list's signer was not issued and signed by a CSCA on the list");
  }
  return cscas;
}
