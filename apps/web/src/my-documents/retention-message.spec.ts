import { retentionMessage } from './retention-message';

describe('the retention sentence', () => {
  const today = '2026-11-23';

  it('tells a customer and a prospect where they stand, without a day', () => {
    expect(retentionMessage({ status: 'active', retainedUntil: null, erasedAt: null }, today)).toEqual({ key: 'data.retention.active' });
    expect(retentionMessage({ status: 'prospect', retainedUntil: null, erasedAt: null }, today)).toEqual({ key: 'data.retention.prospect' });
  });

  it('names the last day the records are kept, up to and including that day', () => {
    expect(retentionMessage({ status: 'retained', retainedUntil: '2031-11-23', erasedAt: null }, today)).toEqual({ key: 'data.retention.keptUntil', day: '2031-11-23' });
    expect(retentionMessage({ status: 'retained', retainedUntil: today, erasedAt: null }, today)).toEqual({ key: 'data.retention.keptUntil', day: today });
  });

  it('names no day once it has passed: the records go at a later erasure round, not on the day itself', () => {
    expect(retentionMessage({ status: 'retained', retainedUntil: '2026-11-22', erasedAt: null }, today)).toEqual({ key: 'data.retention.ended' });
    expect(retentionMessage({ status: 'retained', retainedUntil: null, erasedAt: null }, today)).toEqual({ key: 'data.retention.ended' });
  });

  it('says on which day the records were erased', () => {
    expect(retentionMessage({ status: 'erased', retainedUntil: '2026-11-01', erasedAt: '2026-11-02T03:00:00.000Z' }, today)).toEqual({ key: 'data.retention.erasedOn', day: '2026-11-02' });
    expect(retentionMessage({ status: 'erased', retainedUntil: null, erasedAt: null }, today)).toEqual({ key: 'data.retention.erased' });
  });
});
