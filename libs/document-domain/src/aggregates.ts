import type { DeclaredAggregate } from './aggregate';
import { customerRetentionAggregate } from './customer-retention/customer-retention.aggregate';
import { documentRequestAggregate } from './document-request/document-request.aggregate';
import { documentAggregate } from './document/document.aggregate';
import { identityNumberAggregate } from './identity-number/identity-number.aggregate';
import { noticeAggregate } from './notices/notice.aggregate';

/** Every aggregate the vault keeps a stream for. One declared and left out here has its personal fields stored in clear. */
export const AGGREGATES: readonly DeclaredAggregate[] = [documentAggregate, documentRequestAggregate, identityNumberAggregate, customerRetentionAggregate, noticeAggregate];
