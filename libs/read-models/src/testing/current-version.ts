import {
  CUSTOMER_RETENTION_EVENT_VERSIONS,
  DOCUMENT_EVENT_VERSIONS,
  DOCUMENT_REQUEST_EVENT_VERSIONS,
  IDENTITY_NUMBER_EVENT_VERSIONS,
  NOTICE_EVENT_VERSIONS,
} from '@kluis/document-domain';

const CURRENT: Readonly<Record<string, number>> = {
  ...DOCUMENT_EVENT_VERSIONS,
  ...DOCUMENT_REQUEST_EVENT_VERSIONS,
  ...CUSTOMER_RETENTION_EVENT_VERSIONS,
  ...NOTICE_EVENT_VERSIONS,
  ...IDENTITY_NUMBER_EVENT_VERSIONS,
};

/** Today's schema version of an event type; access events, which have no other version yet, are at 1. */
export const currentVersionOf = (type: string): number => CURRENT[type] ?? 1;
