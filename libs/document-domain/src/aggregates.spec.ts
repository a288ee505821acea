import * as domain from '.';
import type { PersonalFields } from './aggregate';
import { AGGREGATES } from './aggregates';
import type { DomainEvent } from './domain-event';
import { DOCUMENT_REQUEST_PERSONAL_FIELDS, type DocumentRequestEvent } from './document-request';
import { missingUpcasters } from './upcasting';

/** An event a newcomer might add to the request stream, carrying an address. */
type AddressConfirmationAsked = DomainEvent<'AddressConfirmationAsked', { requestId: string; customerId: string; address: string }>;

describe('every aggregate declared once, in the domain', () => {
  it.each(AGGREGATES.map((aggregate) => [aggregate.name, aggregate] as const))('%s declares the personal fields of every event type it writes, even where there are none', (_, aggregate) => {
    expect(Object.keys(aggregate.personalFields).sort()).toEqual(Object.keys(aggregate.eventVersions).sort());
  });

  it.each(AGGREGATES.map((aggregate) => [aggregate.name, aggregate] as const))('%s has an upcaster for every old version of every event type', (_, aggregate) => {
    expect(missingUpcasters(aggregate.upcasters, aggregate.eventVersions)).toEqual([]);
  });

  it('lists every aggregate the domain declares, so none is left out of sealing', () => {
    const declared = Object.values(domain).filter((value) => typeof value === 'object' && value !== null && 'streamPrefix' in value && 'personalFields' in value);
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(declared)).toEqual(new Set(AGGREGATES));
  });

  it('gives every aggregate a stream prefix and a name of its own', () => {
    expect(new Set(AGGREGATES.map((aggregate) => aggregate.streamPrefix)).size).toBe(AGGREGATES.length);
    expect(new Set(AGGREGATES.map((aggregate) => aggregate.name)).size).toBe(AGGREGATES.length);
  });

  it('does not let an event type without a personal-field declaration compile', () => {
    // @ts-expect-error AddressConfirmationAsked has no declaration, so the request aggregate's list no longer fits.
    const undeclared: PersonalFields<DocumentRequestEvent | AddressConfirmationAsked> = DOCUMENT_REQUEST_PERSONAL_FIELDS;
    const declared: PersonalFields<DocumentRequestEvent | AddressConfirmationAsked> = { ...DOCUMENT_REQUEST_PERSONAL_FIELDS, AddressConfirmationAsked: [{ path: 'address', absent: '' }] };
    expect(Object.keys(declared)).toContain('AddressConfirmationAsked');
    expect(Object.keys(undeclared)).not.toContain('AddressConfirmationAsked');
  });

  it('does not let a personal field name a path its event does not have', () => {
    // @ts-expect-error `email` is not a field of DocumentRequested.
    const misnamed: PersonalFields<DocumentRequestEvent> = { ...DOCUMENT_REQUEST_PERSONAL_FIELDS, DocumentRequested: [{ path: 'email', absent: '' }] };
    expect(misnamed.DocumentRequested).toHaveLength(1);
  });
});
