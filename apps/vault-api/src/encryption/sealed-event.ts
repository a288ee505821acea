import { type JsonObject, type KeyVault, openOrErased, sealFields, type SealedFields, isErasedValue } from '@kluis/crypto';
import type { NewEvent, RecordedEvent } from '@kluis/event-store';
import { CustomerErasedError } from '../shared/erasure/customer-erased.error';
import { dataKeyForWriting } from './data-key-for-writing';
import { isRecordedAfterErasure, personalFieldsOf } from './personal-fields';

/**
 * What a sealed event carries in its metadata besides `subject` (the customer whose key sealed it): the paths that
 * were taken out of its data, which is left with the domain's "absent" value in their place, and their values
 * sealed together. The paths stay readable so an erased event can say which fields it lost.
 */
export interface PersonalData extends JsonObject {
  readonly fields: string[];
  readonly sealed: SealedFields;
}

/** An event with personal data must name its customer; guessing would seal it under the wrong key, or none. */
export class MissingSubjectError extends Error {
  constructor(type: string, problem: string) {
    super(`a ${type} event carries personal data but ${problem}`);
    this.name = 'MissingSubjectError';
  }
}

export async function sealEvent(event: NewEvent, keys: Pick<KeyVault, 'dataKeyFor'>): Promise<NewEvent> {
  const personal = personalFieldsOf(event.type);
  if (personal.length === 0) return event;
  const subject = subjectOf(event);
  const data = structuredClone(event.data);
  const values: JsonObject = {};
  for (const { path, absent } of personal) {
    const value = valueAt(data, path);
    if (value === undefined || value === null || isEmpty(value)) continue;
    values[path] = value;
    setAt(data, path, structuredClone(absent));
  }
  const fields = Object.keys(values);
  if (fields.length === 0) return { ...event, metadata: { ...event.metadata, subject } };
  const dataKey = await dataKeyForWriting(keys, subject).catch((error: unknown) => {
    if (error instanceof CustomerErasedError && isRecordedAfterErasure(event.type)) return undefined;
    throw error;
  });
  if (dataKey === undefined) return { ...event, data, metadata: { ...event.metadata, subject, erased: fields } };
  const personalData: PersonalData = { fields, sealed: sealFields(dataKey, subject, values) };
  return { ...event, data, metadata: { ...event.metadata, subject, personalData } };
}

/** Puts the personal fields back, or, for an erased customer, leaves them absent and says so in `metadata.erased`. */
export async function openEvent(event: RecordedEvent, keys: Pick<KeyVault, 'existingDataKey' | 'isDestroyed'>): Promise<RecordedEvent> {
  const { personalData, ...metadata } = event.metadata;
  if (!isPersonalData(personalData)) return event;
  const subject = metadata.subject;
  if (typeof subject !== 'string') throw new MissingSubjectError(event.type, 'its stored metadata names no subject');
  const opened = await openOrErased(keys, subject, personalData.sealed);
  if (isErasedValue(opened)) return { ...event, metadata: { ...metadata, erased: [...personalData.fields] } };
  const data = structuredClone(event.data);
  for (const path of personalData.fields) setAt(data, path, opened[path]);
  return { ...event, data, metadata };
}

function subjectOf(event: NewEvent): string {
  const named = event.metadata.subject;
  const customerId = event.data.customerId;
  if (named !== undefined && typeof named !== 'string') throw new MissingSubjectError(event.type, 'its metadata.subject is not a string');
  if (typeof named === 'string' && typeof customerId === 'string' && named !== customerId) {
    throw new MissingSubjectError(event.type, 'its metadata.subject and data.customerId name different customers');
  }
  const subject = named ?? (typeof customerId === 'string' ? customerId : undefined);
  if (!subject) throw new MissingSubjectError(event.type, 'names no customer: set metadata.subject');
  return subject;
}

const isPersonalData = (value: unknown): value is PersonalData =>
  typeof value === 'object' && value !== null && Array.isArray((value as PersonalData).fields) && typeof (value as PersonalData).sealed === 'object';

const isEmpty = (value: unknown): boolean =>
  value === '' || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

function valueAt(data: JsonObject, path: string): unknown {
  let node: unknown = data;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as JsonObject)[part];
  }
  return node;
}

function setAt(data: JsonObject, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = data;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as JsonObject;
  }
  node[parts[parts.length - 1]] = value;
}
