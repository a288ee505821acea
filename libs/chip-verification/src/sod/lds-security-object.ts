import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ChipFailure } from '../chip-failure';
import { hashNamed } from '../signature/algorithms';
import { decodeDer } from './der';

/** What the SOD signs: the hash of every data group on the chip, with the algorithm that made them. */
export interface LdsSecurityObject {
  /** As Node names it: `sha256`… */
  readonly hashAlgorithm: string;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
}

// ICAO 9303 Part 10, 4.6.2: LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues, ldsVersionInfo OPTIONAL }
const SCHEMA = new asn1js.Sequence({
  value: [
    new asn1js.Integer({ name: 'version' }),
    pkijs.AlgorithmIdentifier.schema({ names: { blockName: 'hashAlgorithm' } }),
    new asn1js.Sequence({
      value: [
        new asn1js.Repeated({
          name: 'dataGroupHashes',
          value: new asn1js.Sequence({ value: [new asn1js.Integer(), new asn1js.OctetString()] }),
        }),
      ],
    }),
    new asn1js.Any({ name: 'ldsVersionInfo', optional: true }),
  ],
});

const DATA_GROUP_NUMBERS = { min: 1, max: 16 };

export function readLdsSecurityObject(der: Uint8Array): LdsSecurityObject {
  const decoded = decodeDer(der, 'the LDS security object');
  const verified = asn1js.compareSchema(decoded, decoded, SCHEMA);
  if (!verified.verified) throw new ChipFailure('CHIP.MALFORMED', 'the LDS security object is not the structure ICAO 9303 describes');
  const result = verified.result as unknown as { hashAlgorithm: asn1js.Sequence; dataGroupHashes?: asn1js.Sequence[] };
  const hashAlgorithm = hashNamed(new pkijs.AlgorithmIdentifier({ schema: result.hashAlgorithm }).algorithmId);
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const entry of result.dataGroupHashes ?? []) {
    const [number, hash] = entry.valueBlock.value as [asn1js.Integer, asn1js.OctetString];
    const dataGroup = number.valueBlock.valueDec;
    if (dataGroup < DATA_GROUP_NUMBERS.min || dataGroup > DATA_GROUP_NUMBERS.max || dataGroupHashes.has(dataGroup)) {
      throw new ChipFailure('CHIP.MALFORMED', `the LDS security object lists data group ${dataGroup} wrongly`);
    }
    dataGroupHashes.set(dataGroup, hash.valueBlock.valueHexView);
  }
  if (dataGroupHashes.size === 0) throw new ChipFailure('CHIP.MALFORMED', 'the LDS security object lists no data group');
  return { hashAlgorithm, dataGroupHashes };
}
