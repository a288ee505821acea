import { AGGREGATES } from '@kluis/document-domain';

const CURRENT: Readonly<Record<string, number>> = Object.assign({}, ...AGGREGATES.map((aggregate) => aggregate.eventVersions));

/** Today's schema version of an event type, as its aggregate declares it; access events, at their first, are at 1. */
export const currentVersionOf = (type: string): number => CURRENT[type] ?? 1;
