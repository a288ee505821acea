/*
 * The same end-to-end stories as on the embedded default, each vault on its own PostgreSQL database (events and
 * read models) and its own bucket on a real S3 server. The specs are loaded, not copied, so the two can never drift.
 * The 200 MB streaming spec stays on the embedded default: its memory bound is for the file store; the S3 store's
 * bound is its part size, which its own services spec measures.
 */
import { useBackends } from '../support/vault-harness';
import { postgresAndS3 } from './support/vault-backends';

jest.setTimeout(60_000);
useBackends(postgresAndS3);

require('../../apps/vault-api/src/documents/submit-document/submit-document.e2e-spec');
require('../../apps/vault-api/src/documents/get-document/reading-documents.e2e-spec');
require('../../apps/vault-api/src/documents/withdraw-document/withdraw-document.e2e-spec');
require('../../apps/vault-api/src/reviews/review-document/review-document.e2e-spec');
require('../../apps/vault-api/src/reviews/review-document/verification-desk.e2e-spec');
require('../e2e/restart.e2e-spec');
require('../e2e/operations.e2e-spec');
