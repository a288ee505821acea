import { assertNever } from './assert-never';
import type { CustomerRetentionEvent } from './customer-retention';

const describeEvent = (event: CustomerRetentionEvent): string => {
  switch (event.type) {
    case 'CustomerRelationshipStarted':
    case 'CustomerRelationshipEnded':
    case 'LegalHoldPlaced':
    case 'LegalHoldLifted':
    case 'CustomerErased':
      return 'handled';
    case 'CustomerErasureCompleted':
      return 'ignored';
    default:
      return assertNever(event);
  }
};

const forgetsOne = (event: CustomerRetentionEvent): string => {
  switch (event.type) {
    case 'CustomerRelationshipStarted':
    case 'CustomerRelationshipEnded':
    case 'LegalHoldPlaced':
    case 'LegalHoldLifted':
    case 'CustomerErased':
      return 'handled';
    default:
      // @ts-expect-error CustomerErasureCompleted is neither handled nor ignored, so the switch does not compile.
      return assertNever(event);
  }
};

describe('a switch over every event type', () => {
  it('compiles only once every type is handled or named as ignored', () => {
    const erasureCompleted = { type: 'CustomerErasureCompleted', data: { customerId: 'C-1', documents: 0, completedAt: '2026-01-01T00:00:00.000Z' } } as const;
    expect(describeEvent(erasureCompleted)).toBe('ignored');
    expect(() => forgetsOne(erasureCompleted)).toThrow('nothing here handles CustomerErasureCompleted');
  });

  it('names what it did not expect when data the types did not foresee reaches it', () => {
    expect(() => assertNever({ type: 'SomethingNew' } as never)).toThrow('nothing here handles SomethingNew');
    expect(() => assertNever('odd' as never)).toThrow('nothing here handles odd');
  });
});
