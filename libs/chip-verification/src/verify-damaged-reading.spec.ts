import { aChipReading, createTestPki } from '@kluis/chip-verification/testing';
import fc from 'fast-check';
import { CHIP_FAILURE_CODES } from './chip-failure';
import { verifyChipReading } from './verify-chip-reading';

const now = new Date('2026-12-07T12:00:00Z');
const pki = createTestPki({ profile: 'ecdsa-brainpool', now });
const genuine = aChipReading(pki, now, { withFace: true });

/** A reading damaged in transit or by an attacker: a few bytes changed, or cut short, anywhere. */
const damaged = fc.record({
  part: fc.constantFrom<'sod' | 'dg1' | 'dg2'>('sod', 'dg1', 'dg2'),
  changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
  cutTo: fc.option(fc.nat(), { nil: undefined }),
});

describe('a damaged chip reading', () => {
  it('always gets a verdict with a known code, never an exception', () => {
    fc.assert(
      fc.property(damaged, ({ part, changes, cutTo }) => {
        const dataGroups = new Map(genuine.dataGroups);
        const original = part === 'sod' ? genuine.sod : (dataGroups.get(part === 'dg1' ? 1 : 2) as Uint8Array);
        let bytes = new Uint8Array(original);
        for (const [at, xor] of changes) bytes[at % bytes.length] ^= xor;
        if (cutTo !== undefined) bytes = bytes.slice(0, cutTo % bytes.length);
        if (part !== 'sod') dataGroups.set(part === 'dg1' ? 1 : 2, bytes);

        const verdict = verifyChipReading({ sod: part === 'sod' ? bytes : genuine.sod, dataGroups }, pki.trustStore, now, { mrzSpecimens: true });
        if (verdict.failure) expect(CHIP_FAILURE_CODES).toContain(verdict.failure.code);
        // A data group is covered by its signed hash, so no change to one can pass.
        if (part !== 'sod') expect(verdict.passed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
