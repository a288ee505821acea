/*
 * The encryption-at-rest proof again with events in PostgreSQL and files in a real S3 bucket: the bytes each server
 * holds, read back raw through the vault's own adapters, carry no plaintext of a known upload.
 */
import { useBackends } from '../support/vault-harness';
import { postgresAndS3 } from './support/vault-backends';

jest.setTimeout(60_000);
useBackends(postgresAndS3);

require('../e2e/encryption-at-rest.e2e-spec');
