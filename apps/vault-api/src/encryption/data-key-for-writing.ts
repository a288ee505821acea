import { type KeyVault, SubjectErasedError } from '@kluis/crypto';
import { CustomerErasedError } from '../shared/erasure/customer-erased.error';

/** The key to seal something new for a customer under; for an erased customer, the problem the caller answers. */
export const dataKeyForWriting = (keys: Pick<KeyVault, 'dataKeyFor'>, customerId: string) =>
  keys.dataKeyFor(customerId).catch((error: unknown) => {
    throw error instanceof SubjectErasedError ? new CustomerErasedError() : error;
  });
