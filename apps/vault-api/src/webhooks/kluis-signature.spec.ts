import { createHmac, randomBytes } from 'node:crypto';
import { kluisSignature, verifyKluisSignature } from './kluis-signature';

describe('the Kluis webhook signature', () => {
  const secret = randomBytes(32).toString('hex');
  const body = JSON.stringify({ position: 42, type: 'DocumentVerified', customerId: 'C-1001', documentId: null, requestId: null, at: '2026-05-01T10:00:00.000Z', detail: {} });
  const sentAt = new Date('2026-05-01T10:00:00Z');
  const seconds = sentAt.getTime() / 1000;
  const header = kluisSignature(secret, body, seconds);

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, so any HMAC library can check it', () => {
    const expected = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
    expect(header).toBe(`t=${seconds},v1=${expected}`);
  });

  it('verifies the body it signed, as text or as the bytes received', () => {
    expect(verifyKluisSignature(secret, header, body, sentAt, 300)).toBe(true);
    expect(verifyKluisSignature(secret, header, Buffer.from(body), new Date(sentAt.getTime() + 299_000), 300)).toBe(true);
  });

  it('refuses a tampered body', () => {
    expect(verifyKluisSignature(secret, header, body.replace('C-1001', 'C-1002'), sentAt, 300)).toBe(false);
    expect(verifyKluisSignature(secret, header, `${body} `, sentAt, 300)).toBe(false);
  });

  it('refuses a replay: a valid signature whose time is outside the tolerance, either way', () => {
    expect(verifyKluisSignature(secret, header, body, new Date(sentAt.getTime() + 301_000), 300)).toBe(false);
    expect(verifyKluisSignature(secret, header, body, new Date(sentAt.getTime() - 301_000), 300)).toBe(false);
  });

  it('refuses a time moved to look fresh, since the time is signed too', () => {
    const later = seconds + 3600;
    const moved = header.replace(`t=${seconds}`, `t=${later}`);
    expect(verifyKluisSignature(secret, moved, body, new Date(later * 1000), 300)).toBe(false);
  });

  it('refuses another secret, and accepts any one of several signatures while a secret is rotated', () => {
    const other = randomBytes(32).toString('hex');
    expect(verifyKluisSignature(other, header, body, sentAt, 300)).toBe(false);
    const rotating = `${header},v1=${kluisSignature(other, body, seconds).split('v1=')[1]}`;
    expect(verifyKluisSignature(other, rotating, body, sentAt, 300)).toBe(true);
    expect(verifyKluisSignature(secret, rotating, body, sentAt, 300)).toBe(true);
  });

  it.each([undefined, null, '', 'v1=abc', `t=${seconds}`, `t=${seconds},v1=nothex`, `t=soon,${header.split(',')[1]}`, `t=${seconds},t=${seconds},${header.split(',')[1]}`, `${header},garbage`])(
    'refuses a malformed header %p',
    (malformed) => {
      expect(verifyKluisSignature(secret, malformed, body, sentAt, 300)).toBe(false);
    },
  );
});
