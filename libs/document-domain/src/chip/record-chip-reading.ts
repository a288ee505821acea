import type { Actor } from '../domain-event';
import type { Channel, DocumentType, EvidenceKind } from '../document-type';
import type { StoredFile } from '../document/document.events';
import type { DocumentEvent } from '../document/document.events';
import { DocumentAlreadyExists } from '../document/document.errors';
import type { DocumentState } from '../document/document.state';
import { isOnFile } from '../document/document.state';
import { holderMismatch, type KnownHolder } from '../holder-check';
import type { ChipCheck, HolderCheck } from './chip-reading';

export interface RecordChipReading {
  readonly type: 'RecordChipReading';
  readonly documentId: string;
  readonly customerId: string;
  readonly documentType: DocumentType;
  readonly file: StoredFile;
  readonly channel: Channel;
  readonly check: ChipCheck;
  /** The chip's holder as DG1 spells it, for the cross-check; null when DG1 could not be read. */
  readonly holder: { readonly surname: string; readonly givenNames: string; readonly nameMayBeTruncated: boolean } | null;
  /** The holders the customer's verified identity documents name, compared as a reviewer's approval compares them. */
  readonly knownHolders: readonly KnownHolder[];
  readonly by: Actor;
}

interface ChipContext {
  readonly now: Date;
  readonly reviewDueAt: string;
  readonly evidenceKind: EvidenceKind | null;
}

/**
 * A chip reading is a document of its own: submitted, checked, and verified at once when passive authentication
 * passed and the holder is the customer already known (and expired at once when the document has). Anything else
 * waits for a reviewer.
 */
export function recordChipReading(command: RecordChipReading, state: DocumentState, context: ChipContext): DocumentEvent[] {
  if (isOnFile(state)) throw new DocumentAlreadyExists();
  const at = context.now.toISOString();
  const holderCheck = checkHolder(command);
  const events: DocumentEvent[] = [
    {
      type: 'DocumentSubmitted',
      data: {
        documentId: command.documentId,
        customerId: command.customerId,
        type: command.documentType,
        evidenceKind: context.evidenceKind,
        file: command.file,
        channel: command.channel,
        relatedCustomerIds: [],
        submittedBy: command.by,
        submittedAt: at,
        reviewDueAt: context.reviewDueAt,
      },
    },
    { type: 'ChipReadingChecked', data: { ...command.check, documentId: command.documentId, holderCheck, checkedAt: at } },
  ];
  if (!command.check.passed || holderCheck === 'mismatch') return events;
  const facts = command.check.facts;
  const validUntil = facts.expiresOn ?? null;
  const verified: DocumentEvent[] = [...events, { type: 'DocumentVerified', data: { documentId: command.documentId, facts, validUntil, verifiedAt: at } }];
  // A genuine chip in a document past its expiry proves who the holder was, not a document to rely on today.
  if (validUntil === null || validUntil >= at.slice(0, 10)) return verified;
  return [...verified, { type: 'DocumentExpired', data: { documentId: command.documentId, validUntil, expiredAt: at } }];
}

function checkHolder(command: RecordChipReading): HolderCheck {
  if (!command.check.passed || command.holder === null) return 'not-checked';
  if (command.knownHolders.length === 0) return 'no-verified-identity';
  return holderMismatch(command.check.facts, command.knownHolders).length > 0 ? 'mismatch' : 'match';
}
