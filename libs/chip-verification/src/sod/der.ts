import * as asn1js from 'asn1js';
import { ChipFailure } from '../chip-failure';

/** Decodes one complete BER/DER value; trailing bytes or a value cut short are a malformed structure. */
export function decodeDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const decoded = asn1js.fromBER(bytes);
  if (decoded.offset === -1 || decoded.offset !== bytes.byteLength) {
    throw new ChipFailure('CHIP.MALFORMED', `${what} is not well-formed ASN.1`);
  }
  return decoded.result;
}

/** Builds a pkijs object from its schema, turning the library's structure errors into a malformed-input failure. */
export function readAs<T>(what: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ChipFailure) throw error;
    throw new ChipFailure('CHIP.MALFORMED', `${what} is not the structure ICAO 9303 describes`);
  }
}

export function sameBytes(first: Uint8Array, second: Uint8Array): boolean {
  return Buffer.from(first).equals(Buffer.from(second));
}
