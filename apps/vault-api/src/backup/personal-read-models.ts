import { accessLogProjection, documentsProjection, type Projection } from '@kluis/read-models';

/**
 * The read models that copy personal data out of the sealed events in the clear: facts, filenames and what staff
 * wrote about a customer. A backup never holds them. A restore rebuilds them from the backed-up events once every
 * erasure since has been replayed, so a customer erased after the backup comes back without them.
 */
export const PERSONAL_READ_MODELS: readonly Projection[] = [documentsProjection, accessLogProjection];
