import * as asn1js from 'asn1js';
import { ChipFailure } from '../chip-failure';
import { OID } from '../signature/algorithms';
import { readSignedContent, type SignedContent } from './cms-signer';
import { decodeDer } from './der';
import { readLdsSecurityObject, type LdsSecurityObject } from './lds-security-object';

export interface EfSod extends SignedContent {
  readonly lds: LdsSecurityObject;
}

/** ICAO 9303 Part 10 wraps the CMS ContentInfo of EF.SOD in application tag 23 (`0x77`). */
const EF_SOD_TAG = { tagClass: 2, tagNumber: 23 } as const;

export function readEfSod(bytes: Uint8Array): EfSod {
  const outer = decodeDer(bytes, 'EF.SOD');
  const { idBlock } = outer;
  if (idBlock.tagClass !== EF_SOD_TAG.tagClass || idBlock.tagNumber !== EF_SOD_TAG.tagNumber || !(outer instanceof asn1js.Constructed)) {
    throw new ChipFailure('CHIP.MALFORMED', 'EF.SOD does not start with the ICAO application tag 0x77');
  }
  const [contentInfo, ...rest] = outer.valueBlock.value;
  if (contentInfo === undefined || rest.length > 0) throw new ChipFailure('CHIP.MALFORMED', 'EF.SOD must hold one CMS ContentInfo');
  const signed = readSignedContent(contentInfo, OID.ldsSecurityObject, 'EF.SOD');
  return { ...signed, lds: readLdsSecurityObject(signed.content) };
}
