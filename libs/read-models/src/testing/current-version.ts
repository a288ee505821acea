import { ACCESS_EVENT_VERSIONS, AGGREGATES } from '@kluis/document-domain';

const CURRENT: Readonly<Record<string, number>> = Object.assign({}, ACCESS_EVENT_VERSIONS, ...AGGREGATES.map((aggregate) => aggregate.eventVersions));

/** Today's schema version of an event type, as the domain declares it; a spec that means another states `version`. */
export function currentVersionOf(type: string): number {
  const version = CURRENT[type];
  if (version === undefined) throw new Error(`the domain declares no event ${type}: give its version`);
  return version;
}
