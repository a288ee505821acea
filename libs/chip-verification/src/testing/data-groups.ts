import * as asn1js from 'asn1js';

/** DG1 as a chip stores it: application tag 1 (`0x61`) around the MRZ data element `5F1F`, lines run together. */
export function dg1FromMrz(lines: readonly string[]): Uint8Array {
  const mrz = new asn1js.Primitive({
    idBlock: { tagClass: 2, tagNumber: 0x1f },
    valueHex: new Uint8Array(Buffer.from(lines.join(''), 'latin1')),
  });
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 1 }, value: [mrz] }).toBER());
}

/**
 * A stand-in for DG2 (application tag 2, `0x75`): the vault only hashes and seals the face image, never decodes
 * it, so any bytes under the right tag exercise the same path.
 */
export function dg2WithImage(image: Uint8Array): Uint8Array {
  const content = new asn1js.OctetString({ valueHex: image });
  return new Uint8Array(new asn1js.Constructed({ idBlock: { tagClass: 2, tagNumber: 21 }, value: [content] }).toBER());
}
