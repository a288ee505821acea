import { isExpiringSoon } from './expiring-soon';

const now = new Date('2026-11-23T12:00:00Z');

describe('expiring soon', () => {
  it.each([
    ['verified, ends within 60 days', 'verified', '2027-01-10', true],
    ['verified, ends on the horizon day', 'verified', '2027-01-22', true],
    ['verified, ends after the horizon', 'verified', '2027-01-23', false],
    ['verified, no end', 'verified', null, false],
    ['already expired', 'expired', '2026-11-01', false],
    ['still in review', 'pending_review', '2026-12-01', false],
  ] as const)('%s: %s', (_name, status, expiresOn, expected) => expect(isExpiringSoon({ status, expiresOn }, now, 60)).toBe(expected));
});
