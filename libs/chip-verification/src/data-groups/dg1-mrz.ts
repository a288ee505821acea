import * as asn1js from 'asn1js';
import { parseMrz, type ParsedMrz } from '@kluis/document-domain';
import { ChipFailure } from '../chip-failure';
import { decodeDer } from '../sod/der';

// ICAO 9303 Part 10, 4.7.1: DG1 is application tag 1 (`0x61`) around the MRZ data element `5F1F`.
const DG1_TAG = { tagClass: 2, tagNumber: 1 } as const;
const MRZ_TAG = { tagClass: 2, tagNumber: 0x1f } as const;

/** An MRZ on a chip has no line breaks: its length tells the layout. */
const LINE_LENGTH_BY_TOTAL: Readonly<Record<number, number>> = { 90: 30, 72: 36, 88: 44 };

export function mrzOfDg1(dg1: Uint8Array, today: Date, specimens: boolean): ParsedMrz {
  const outer = decodeDer(dg1, 'DG1');
  if (!isTagged(outer, DG1_TAG) || !(outer instanceof asn1js.Constructed)) {
    throw new ChipFailure('CHIP.MALFORMED', 'DG1 does not start with the ICAO tag 0x61');
  }
  const element = outer.valueBlock.value.find((child) => isTagged(child, MRZ_TAG));
  if (!(element instanceof asn1js.Primitive)) throw new ChipFailure('CHIP.DG1_MRZ_INVALID', 'DG1 holds no MRZ (tag 5F1F)');
  const text = Buffer.from(element.valueBlock.valueHexView).toString('latin1');
  const lineLength = LINE_LENGTH_BY_TOTAL[text.length];
  if (lineLength === undefined) {
    throw new ChipFailure('CHIP.DG1_MRZ_INVALID', `DG1's MRZ has ${text.length} characters; ICAO layouts have 88, 72 or 90`);
  }
  const lines = text.match(new RegExp(`.{${lineLength}}`, 'gs')) ?? [];
  const parsed = parseMrz(lines, { today, specimens });
  if (!parsed.ok) {
    throw new ChipFailure('CHIP.DG1_MRZ_INVALID', `DG1's MRZ was refused: ${parsed.errors.map((error) => error.message).join('; ')}`);
  }
  return parsed.mrz;
}

function isTagged(value: asn1js.AsnType, tag: { tagClass: number; tagNumber: number }): boolean {
  return value.idBlock.tagClass === tag.tagClass && value.idBlock.tagNumber === tag.tagNumber;
}
