import { identityNumberDecider, type IdentityNumberEvent } from '.';
import { aReviewer, specFor } from '../testing';

const now = new Date('2026-11-06T15:30:00.000Z');
const at = now.toISOString();
const given = specFor(identityNumberDecider, () => ({ now }));
const anna = aReviewer('anna');
const reserve = (customerId: string, documentId: string) => ({ type: 'ReserveIdentityNumber' as const, customerId, documentId, by: anna });
const reserved = (customerId: string, documentId: string): IdentityNumberEvent => ({
  type: 'IdentityNumberReserved',
  data: { customerId, documentId, reservedBy: anna, reservedAt: '2026-11-01T10:00:00.000Z' },
});

describe('one identity document number for one customer', () => {
  it('reserves a number nobody holds for the customer whose document is verified', () =>
    given().when(reserve('C-1', 'doc-1')).then([{ type: 'IdentityNumberReserved', data: { customerId: 'C-1', documentId: 'doc-1', reservedBy: anna, reservedAt: at } }]));

  it("changes nothing when the number is already the same customer's, on another of their documents", () =>
    given(reserved('C-1', 'doc-1')).when(reserve('C-1', 'doc-2')).then([]));

  it("records a refusal, naming the holder for support, when it is another customer's", () =>
    given(reserved('C-1', 'doc-1'))
      .when(reserve('C-2', 'doc-9'))
      .then([{ type: 'IdentityNumberRefused', data: { customerId: 'C-2', documentId: 'doc-9', heldBy: { customerId: 'C-1', documentId: 'doc-1' }, refusedBy: anna, refusedAt: at } }]));

  it('keeps the first holder after a refusal', () =>
    given(reserved('C-1', 'doc-1'), { type: 'IdentityNumberRefused', data: { customerId: 'C-2', documentId: 'doc-9', heldBy: { customerId: 'C-1', documentId: 'doc-1' }, refusedBy: anna, refusedAt: at } })
      .when(reserve('C-1', 'doc-3'))
      .then([]));

  it('passes the number on when its holder was erased', () =>
    given(reserved('C-1', 'doc-1'))
      .when({ ...reserve('C-2', 'doc-9'), erasedHolder: 'C-1' })
      .then([{ type: 'IdentityNumberReserved', data: { customerId: 'C-2', documentId: 'doc-9', reservedBy: anna, reservedAt: at } }]));

  it('still refuses when the erased customer named is not the holder', () =>
    given(reserved('C-1', 'doc-1'))
      .when({ ...reserve('C-2', 'doc-9'), erasedHolder: 'C-3' })
      .thenEmits((events) => expect(events.map((event) => event.type)).toEqual(['IdentityNumberRefused'])));
});
