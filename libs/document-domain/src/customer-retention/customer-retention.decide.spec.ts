import { randomUUID } from 'node:crypto';
import type { Actor } from '../domain-event';
import { specFor } from '../testing';
import type { CustomerRetentionCommand } from './customer-retention.commands';
import { customerRetentionDecider, retainedUntil } from './customer-retention.decide';
import { CustomerAlreadyErased, ErasureRefused, InvalidRelationshipEnd, LegalHoldNotFound, RelationshipNotActive } from './customer-retention.errors';
import type { CustomerRetentionEvent } from './customer-retention.events';

const admin: Actor = { id: 'support-1', kind: 'staff' };
const customerId = `C-${randomUUID()}`;
const customer: Actor = { id: customerId, kind: 'customer' };

let now = new Date('2026-11-23T10:00:00.000Z');
const given = specFor(customerRetentionDecider, () => ({ now, retentionYears: 5 }));
beforeEach(() => {
  now = new Date('2026-11-23T10:00:00.000Z');
});

const started = (on = '2020-01-06'): CustomerRetentionEvent => ({
  type: 'CustomerRelationshipStarted',
  data: { customerId, startedOn: on, startedBy: admin, startedAt: `${on}T09:00:00.000Z` },
});
const ended = (on = '2026-11-23'): CustomerRetentionEvent => ({
  type: 'CustomerRelationshipEnded',
  data: { customerId, endedOn: on, retainedUntil: retainedUntil(on, 5), endedBy: admin, endedAt: `${on}T12:00:00.000Z` },
});
const held = (holdId = 'hold-1'): CustomerRetentionEvent => ({
  type: 'LegalHoldPlaced',
  data: { customerId, holdId, reason: 'Investigation by the public prosecutor', caseRef: 'OM-2026-17', placedBy: admin, placedAt: '2026-11-24T09:00:00.000Z' },
});
const lifted = (holdId = 'hold-1'): CustomerRetentionEvent => ({ type: 'LegalHoldLifted', data: { customerId, holdId, liftedBy: admin, liftedAt: '2032-01-05T09:00:00.000Z' } });
const erasedEvent = (): CustomerRetentionEvent => ({ type: 'CustomerErased', data: { customerId, reason: 'retention-ended', erasedBy: { id: 'kluis:retention', kind: 'staff' }, erasedAt: '2031-11-24T10:00:00.000Z' } });

const start: CustomerRetentionCommand = { type: 'StartRelationship', customerId, by: admin };
const end = (endedOn = '2026-11-23'): CustomerRetentionCommand => ({ type: 'EndRelationship', customerId, endedOn, by: admin });
const erasureRequest = (reliedOnBy: string[] = []): CustomerRetentionCommand => ({ type: 'RequestErasure', customerId, reliedOnBy, by: customer });
const eraseWhenDue: CustomerRetentionCommand = { type: 'EraseWhenDue', customerId };

describe('the retention clock', () => {
  it('starts when the relationship ends, and keeps the records five years after that day', () =>
    given(started())
      .when(end('2026-11-23'))
      .thenEmits((events) => expect(events).toEqual([{ type: 'CustomerRelationshipEnded', data: expect.objectContaining({ endedOn: '2026-11-23', retainedUntil: '2031-11-23' }) }])));

  it('counts a leap day to the last day of February', () => expect(retainedUntil('2024-02-29', 5)).toBe('2029-02-28'));

  it('takes the period from the configuration', () => {
    const longer = specFor(customerRetentionDecider, () => ({ now, retentionYears: 7 }));
    longer(started())
      .when(end('2026-11-23'))
      .thenEmits((events) => expect(events[0].data).toMatchObject({ retainedUntil: '2033-11-23' }));
  });

  it('refuses an end in the future', () => given(started()).when(end('2026-11-24')).thenThrows(InvalidRelationshipEnd, ['endedOn']));

  it('refuses an end before the start', () => given(started('2026-01-05')).when(end('2025-12-31')).thenThrows(InvalidRelationshipEnd, ['endedOn']));

  it('refuses to end a relationship that never started, or ended already', () => {
    given().when(end()).thenThrows(RelationshipNotActive);
    given(started(), ended()).when(end()).thenThrows(RelationshipNotActive);
  });

  it('stops when the customer comes back', () =>
    given(started(), ended())
      .when(start)
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['CustomerRelationshipStarted'])));

  it('starting an active relationship again changes nothing', () => given(started()).when(start).then([]));
});

describe('erasure when the clock runs out', () => {
  it('is not due on the last day of retention', () => {
    now = new Date('2031-11-23T23:00:00.000Z');
    given(started(), ended('2026-11-23')).when(eraseWhenDue).then([]);
  });

  it('is due the day after', () => {
    now = new Date('2031-11-24T00:30:00.000Z');
    given(started(), ended('2026-11-23'))
      .when(eraseWhenDue)
      .thenEmits((events) => expect(events).toEqual([{ type: 'CustomerErased', data: expect.objectContaining({ customerId, reason: 'retention-ended' }) }]));
  });

  it('waits for every legal hold to be lifted', () => {
    now = new Date('2033-01-01T10:00:00.000Z');
    given(started(), ended(), held('hold-1'), held('hold-2'), lifted('hold-1')).when(eraseWhenDue).then([]);
    given(started(), ended(), held('hold-1'), held('hold-2'), lifted('hold-1'), lifted('hold-2'))
      .when(eraseWhenDue)
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['CustomerErased']));
  });

  it('never erases a customer whose relationship is active, however old', () => {
    now = new Date('2040-01-01T10:00:00.000Z');
    given(started('2001-01-01')).when(eraseWhenDue).then([]);
  });

  it('erases only once', () => {
    now = new Date('2033-01-01T10:00:00.000Z');
    given(started(), ended(), erasedEvent()).when(eraseWhenDue).then([]);
  });

  it('is completed once, after the erasure', () => {
    given(started(), ended(), erasedEvent())
      .when({ type: 'CompleteErasure', customerId, documents: 2 })
      .thenEmits((events) => expect(events).toEqual([{ type: 'CustomerErasureCompleted', data: expect.objectContaining({ documents: 2 }) }]));
    given(started(), ended()).when({ type: 'CompleteErasure', customerId, documents: 0 }).then([]);
  });
});

describe("a customer's own erasure request", () => {
  const refusal = (history: CustomerRetentionEvent[], command = erasureRequest()) => {
    try {
      customerRetentionDecider.decide(command, history.reduce(customerRetentionDecider.evolve, customerRetentionDecider.initialState), { now, retentionYears: 5 });
    } catch (error) {
      return error as ErasureRefused;
    }
    throw new Error('expected a refusal');
  };

  it('erases a prospect at once', () =>
    given()
      .when(erasureRequest())
      .thenEmits((events) => expect(events).toEqual([{ type: 'CustomerErased', data: expect.objectContaining({ reason: 'prospect-request', erasedBy: customer }) }])));

  it('is refused while the relationship is active, naming the law', () => {
    const refused = refusal([started()]);
    expect(refused).toBeInstanceOf(ErasureRefused);
    expect(refused.code).toBe('CUSTOMER.ERASURE_REFUSED');
    expect(refused.ground).toBe('relationship-active');
    expect(refused.message).toMatch(/Wwft article 33/);
    expect(refused.message).toMatch(/5 years after the business relationship ends/);
  });

  it('treats someone a department relied on as a customer, not a prospect', () => expect(refusal([], erasureRequest(['mandates'])).ground).toBe('relationship-active'));

  it('is refused while the clock runs, naming the day it ends', () => {
    const refused = refusal([started(), ended('2026-11-23')]);
    expect(refused.ground).toBe('retention-period');
    expect(refused.retainedUntil).toBe('2031-11-23');
    expect(refused.message).toMatch(/kept until 2031-11-23/);
  });

  it('is refused under a legal hold once the clock ran out, without saying that a hold exists', () => {
    now = new Date('2035-01-01T10:00:00.000Z');
    const refused = refusal([started(), ended(), held()]);
    expect(refused.ground).toBe('kept-for-now');
    expect(refused.retainedUntil).toBeNull();
    expect(refused.message).not.toMatch(/hold|OM-2026-17|prosecutor/i);
  });

  it('answers as it would without the hold while the relationship is active or the clock runs', () => {
    expect(refusal([started(), held()]).ground).toBe('relationship-active');
    now = new Date('2027-01-01T10:00:00.000Z');
    expect(refusal([started(), ended('2026-11-23'), held()])).toMatchObject({ ground: 'retention-period', retainedUntil: '2031-11-23' });
  });

  it('keeps a prospect under a legal hold', () => expect(refusal([held()]).ground).toBe('kept-for-now'));

  it('erases once the clock ran out', () => {
    now = new Date('2031-11-24T10:00:00.000Z');
    given(started(), ended('2026-11-23'))
      .when(erasureRequest(['mandates']))
      .thenEmits((events) => expect(events[0].data).toMatchObject({ reason: 'retention-ended' }));
  });

  it('changes nothing for a customer already erased', () => given(erasedEvent()).when(erasureRequest()).then([]));
});

describe('legal holds', () => {
  const place = (holdId = 'hold-1'): CustomerRetentionCommand => ({ type: 'PlaceLegalHold', customerId, holdId, reason: 'Investigation', caseRef: 'OM-1', by: admin });

  it('may be placed before or after the relationship ends', () => {
    given(started()).when(place()).thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['LegalHoldPlaced']));
    given(started(), ended()).when(place()).thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['LegalHoldPlaced']));
  });

  it('placing the same hold twice changes nothing', () => given(held('hold-1')).when(place('hold-1')).then([]));

  it('refuses to lift a hold that is not there', () => given(held('hold-1')).when({ type: 'LiftLegalHold', customerId, holdId: 'hold-2', by: admin }).thenThrows(LegalHoldNotFound));

  it('comes too late for an erased customer', () => given(erasedEvent()).when(place()).thenThrows(CustomerAlreadyErased));
});
