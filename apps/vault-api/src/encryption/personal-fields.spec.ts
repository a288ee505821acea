import { AGGREGATES } from '@kluis/document-domain';
import { personalFieldsByType, personalFieldsOf } from './personal-fields';

describe('the personal fields the vault seals', () => {
  it.each(AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.eventVersions).map((type) => [aggregate.name, type, aggregate] as const)))(
    'seals a %s %s event by the fields its aggregate declares',
    (_, type, aggregate) => {
      expect(aggregate.personalFields[type]).toBeDefined();
      expect(personalFieldsOf(type)).toEqual(aggregate.personalFields[type]);
    },
  );

  it('seals the address a request event would carry once its aggregate declares it', () => {
    const declared = personalFieldsByType([{ name: 'document-request', personalFields: { AddressConfirmationAsked: [{ path: 'address', absent: '' }] } }]);
    expect(declared.get('AddressConfirmationAsked')).toEqual([{ path: 'address', absent: '' }]);
  });

  it('refuses an event type two aggregates both declare, rather than sealing it by one of them', () => {
    const twice = [
      { name: 'document', personalFields: { Noted: [{ path: 'note', absent: '' }] } },
      { name: 'notices', personalFields: { Noted: [] } },
    ];
    expect(() => personalFieldsByType(twice)).toThrow('Noted is declared by both document and notices');
  });
});
