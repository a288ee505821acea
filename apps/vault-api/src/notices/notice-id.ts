import type { NoticeKind } from '@kluis/document-domain';
import { nameBasedUuid } from '../shared/name-based-uuid';

/** Kluis's own name-based UUID namespace for notices (RFC 9562, version 5). */
const NAMESPACE = Buffer.from('a3c5e7f90b1d4e2f8a6c4e2b0d9f7a51', 'hex');

/** The same cause always gives the same notice id, so a replay or a crash never tells the customer twice. */
export const noticeIdFor = (causedBy: string, kind: NoticeKind): string => nameBasedUuid(NAMESPACE, `${kind}:${causedBy}`);
