import type { Decider } from '../domain-event';
import type { DocumentTypeCatalogue, DocumentTypePolicy } from '../document-type-catalogue';
import { addBusinessDays, addMonths } from '../calendar';
import type {
  ApproveDocument,
  ClaimDocument,
  DocumentCommand,
  ExpireDocument,
  ReferenceDocument,
  RejectDocument,
  ReleaseClaim,
  RecordScanVerdict,
  ReleaseReference,
  RevokeDocument,
  EraseDocument,
  SubmitDocument,
  WithdrawDocument,
} from './document.commands';
import {
  ClaimedByOther,
  DocumentAlreadyExists,
  ValidityEnded,
  DocumentNotFound,
  FactsDiffer,
  FactsDisagreeWithMrz,
  FactsMissing,
  HolderMismatchUnconfirmed,
  MrzNotApplicable,
  NotAwaitingReview,
  DocumentReliedUpon,
  NotReliable,
  NotRevocable,
  NotWithdrawable,
  ReferenceNotFound,
  OwnSubmission,
  SameReviewerTwice,
} from './document.errors';
import { dispute } from './document.dispute';
import type { DocumentEvent } from './document.events';
import { type DocumentOnFile, type DocumentState, evolve, initialDocumentState, isOnFile } from './document.state';
import { differingFacts, type Facts, missingFacts } from '../facts';
import { type HolderField, holderMismatch } from '../holder-check';
import { crossCheckFacts, MrzRefused, parseMrz } from '../mrz';
import { FailedChipReadingNotApprovable } from '../chip/chip-reading.errors';
import { recordChipReading } from '../chip/record-chip-reading';

export interface DocumentContext {
  readonly now: Date;
  readonly catalogue: DocumentTypeCatalogue;
  /** Whether an MRZ of Doc 9303's specimen state (UTO) is read as real: for tests and training, never production. */
  readonly mrzSpecimens?: boolean;
}

export function decide(command: DocumentCommand, state: DocumentState, context: DocumentContext): DocumentEvent[] {
  switch (command.type) {
    case 'SubmitDocument':
      return submit(command, state, context);
    case 'RecordChipReading': {
      const policy = context.catalogue[command.documentType];
      const reviewDueAt = addBusinessDays(context.now, policy.reviewSlaBusinessDays).toISOString();
      return recordChipReading(command, state, { now: context.now, reviewDueAt, evidenceKind: policy.evidenceKind });
    }
    case 'RecordScanVerdict':
      return recordScanVerdict(command, onFile(state), context);
    case 'ClaimDocument':
      return claim(command, onFile(state), context);
    case 'ReleaseClaim':
      return release(command, onFile(state), context);
    case 'ApproveDocument':
      return approve(command, onFile(state), context);
    case 'RejectDocument':
      return reject(command, onFile(state), context);
    case 'ExpireDocument':
      return expire(command, onFile(state), context);
    case 'WithdrawDocument':
      return withdraw(command, onFile(state), context);
    case 'DisputeFacts':
      return dispute(command, onFile(state), context);
    case 'ReferenceDocument':
      return reference(command, onFile(state), context);
    case 'ReleaseReference':
      return releaseReference(command, onFile(state), context);
    case 'RevokeDocument':
      return revoke(command, onFile(state), context);
    case 'EraseDocument':
      return erase(command, onFile(state), context);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown command ${(unhandled as DocumentCommand).type}`);
    }
  }
}

export const documentDecider: Decider<DocumentCommand, DocumentEvent, DocumentState, DocumentContext> = {
  initialState: initialDocumentState,
  decide,
  evolve,
};

function onFile(state: DocumentState): DocumentOnFile {
  if (!isOnFile(state)) throw new DocumentNotFound();
  return state;
}

function submit(command: SubmitDocument, state: DocumentState, { now, catalogue }: DocumentContext): DocumentEvent[] {
  if (isOnFile(state)) throw new DocumentAlreadyExists();
  const policy = catalogue[command.documentType];
  const submittedEvents: DocumentEvent[] = [
    {
      type: 'DocumentSubmitted',
      data: {
        documentId: command.documentId,
        customerId: command.customerId,
        type: command.documentType,
        evidenceKind: policy.evidenceKind,
        file: command.file,
        channel: command.channel,
        relatedCustomerIds: [...command.relatedCustomerIds],
        submittedBy: command.by,
        submittedAt: now.toISOString(),
        reviewDueAt: addBusinessDays(now, policy.reviewSlaBusinessDays).toISOString(),
      },
    },
  ];
  if (command.scan !== 'unavailable') return submittedEvents;
  return [...submittedEvents, { type: 'DocumentHeldForScan', data: { documentId: command.documentId, heldAt: now.toISOString() } }];
}

export const MALWARE_REJECTION_MESSAGE =
  'Our malware scan found something harmful in this file, so we removed it. Please upload a clean copy, for example a new scan or a freshly saved PDF.';

/** Only a held document takes a verdict: a repeated or concurrent scan of the same file changes nothing. */
function recordScanVerdict(command: RecordScanVerdict, state: DocumentOnFile, { now, catalogue }: DocumentContext): DocumentEvent[] {
  if (state.status !== 'pending_scan') return [];
  const at = now.toISOString();
  if (command.verdict.clean) {
    const reviewDueAt = addBusinessDays(now, catalogue[state.type].reviewSlaBusinessDays).toISOString();
    return [{ type: 'DocumentScanCleared', data: { documentId: state.documentId, clearedAt: at, reviewDueAt } }];
  }
  return [
    {
      type: 'DocumentFoundInfected',
      data: {
        documentId: state.documentId,
        signature: command.verdict.signature,
        removedBlobKey: state.file.blobKey,
        reasonCode: 'malware',
        message: MALWARE_REJECTION_MESSAGE,
        foundAt: at,
      },
    },
  ];
}

/** A claim that has not run out, held by someone else. */
function claimedByOther(state: DocumentOnFile, actorId: string, now: Date) {
  return state.claim && state.claim.by.id !== actorId && Date.parse(state.claim.until) > now.getTime() ? state.claim : null;
}

function assertReviewable(state: DocumentOnFile, reviewerId: string, now: Date): void {
  if (state.status !== 'pending_review' && state.status !== 'awaiting_second_review') {
    throw new NotAwaitingReview(state.status);
  }
  if (state.submittedBy.id === reviewerId) throw new OwnSubmission();
  if (state.reviews.some((review) => review.reviewer.id === reviewerId)) throw new SameReviewerTwice();
  const other = claimedByOther(state, reviewerId, now);
  if (other) throw new ClaimedByOther(other.by.id, other.until);
}

function claim(command: ClaimDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  assertReviewable(state, command.by.id, now);
  const until = new Date(now.getTime() + command.leaseMinutes * 60_000).toISOString();
  return [{ type: 'DocumentClaimed', data: { documentId: state.documentId, claimedBy: command.by, claimedAt: now.toISOString(), until } }];
}

function release(command: ReleaseClaim, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  const other = claimedByOther(state, command.by.id, now);
  if (other) throw new ClaimedByOther(other.by.id, other.until);
  if (!state.claim || Date.parse(state.claim.until) <= now.getTime()) return [];
  return [{ type: 'DocumentClaimReleased', data: { documentId: state.documentId, releasedBy: command.by, releasedAt: now.toISOString() } }];
}

/** Checks the MRZ digit by digit and against the typed facts, filling in what was left blank. */
function factsCheckedAgainstMrz(command: ApproveDocument, policy: DocumentTypePolicy, { now, mrzSpecimens }: DocumentContext): Facts {
  if (!command.mrz) return command.facts;
  if (!policy.mrz) throw new MrzNotApplicable('This type of document has no machine-readable zone.');
  const parsed = parseMrz(command.mrz, { today: now, specimens: mrzSpecimens === true });
  if (!parsed.ok) throw new MrzRefused(parsed.errors);
  if (parsed.mrz.format === 'MRV-A' || parsed.mrz.format === 'MRV-B') throw new MrzNotApplicable('This is a visa\'s zone; a visa is not an identity document.');
  const fitsType = policy.mrz === 'TD3' ? parsed.mrz.format === 'TD3' : parsed.mrz.format !== 'TD3';
  if (!fitsType) throw new MrzNotApplicable(`A ${policy.mrz === 'TD3' ? 'passport has a two-line, 44-character' : 'card has a three-line (TD1) or two-line, 36-character (TD2)'} zone.`);
  const checked = crossCheckFacts(parsed.mrz, command.facts);
  if (checked.mismatches.length > 0) throw new FactsDisagreeWithMrz(checked.mismatches);
  return checked.facts;
}

function approve(command: ApproveDocument, state: DocumentOnFile, context: DocumentContext): DocumentEvent[] {
  const { now, catalogue } = context;
  assertReviewable(state, command.by.id, now);
  if (state.chip && !state.chip.passed) throw new FailedChipReadingNotApprovable(state.chip.failureCode ?? 'CHIP.MALFORMED');
  const policy = catalogue[state.type];
  // A chip reading's facts are the ones its signed DG1 states, whatever is typed.
  const read = state.chip ? { ...state.chip.facts } : factsCheckedAgainstMrz(command, policy, context);
  const missing = missingFacts(read, policy.requiredFacts);
  if (missing.length > 0) throw new FactsMissing(missing);
  const facts = pickFacts(read, policy);
  assertStillValid(facts, policy, now);
  const earlierApproval = state.reviews.find((review) => review.decision === 'approve');
  if (earlierApproval) {
    const differing = differingFacts(earlierApproval.facts, facts);
    if (differing.length > 0) throw new FactsDiffer(differing);
  }
  const at = now.toISOString();
  const reviewed: DocumentEvent = {
    type: 'DocumentReviewed',
    data: { documentId: state.documentId, reviewer: command.by, decision: 'approve', facts, reasonCode: null, message: null, reviewedAt: at },
  };
  const found = state.evidenceKind === 'identity' ? holderMismatch(facts, command.knownHolders ?? []) : [];
  const known = state.holderMismatch?.fields ?? [];
  const mismatch: HolderField[] = [...new Set([...known, ...found])];
  const approvals = state.reviews.filter((review) => review.decision === 'approve').length + 1;
  // A holder who is not the customer's verified holder is the story of a stranger's passport on someone's file:
  // one reviewer's word is not enough, however the type is otherwise reviewed.
  const required = policy.fourEyes || mismatch.length > 0 ? 2 : 1;
  const events: DocumentEvent[] = [reviewed];
  if (mismatch.length > known.length) events.push({ type: 'HolderMismatchFound', data: { documentId: state.documentId, fields: mismatch, foundAt: at } });
  if (approvals < required) return events;
  if (mismatch.length > 0) {
    const reason = command.holderMismatchReason?.trim();
    if (!reason) throw new HolderMismatchUnconfirmed(mismatch);
    events.push({ type: 'HolderMismatchConfirmed', data: { documentId: state.documentId, fields: mismatch, reason, confirmedBy: command.by, confirmedAt: at } });
  }
  return [...events, { type: 'DocumentVerified', data: { documentId: state.documentId, facts, validUntil: validUntil(facts, policy), verifiedAt: at } }];
}

/** Valid through its last day, as the expiry sweep counts it: one whose last day is today or past is refused. */
function assertStillValid(facts: Facts, policy: DocumentTypePolicy, now: Date): void {
  const until = validUntil(facts, policy);
  if (until !== null && until <= now.toISOString().slice(0, 10)) {
    throw new ValidityEnded(until, policy.validity.kind === 'period' ? policy.validity.from : 'expiresOn');
  }
}

function reject(command: RejectDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  assertReviewable(state, command.by.id, now);
  const at = now.toISOString();
  return [
    {
      type: 'DocumentReviewed',
      data: {
        documentId: state.documentId,
        reviewer: command.by,
        decision: 'reject',
        facts: {},
        reasonCode: command.reasonCode,
        message: command.message,
        reviewedAt: at,
      },
    },
    {
      type: 'DocumentRejected',
      data: { documentId: state.documentId, reasonCode: command.reasonCode, message: command.message, rejectedBy: command.by, rejectedAt: at },
    },
  ];
}

function expire(command: ExpireDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  const today = now.toISOString().slice(0, 10);
  if (state.status !== 'verified' || state.validUntil === null || state.validUntil >= today) return [];
  return [{ type: 'DocumentExpired', data: { documentId: command.documentId, validUntil: state.validUntil, expiredAt: now.toISOString() } }];
}

const WITHDRAWABLE = new Set(['pending_review', 'awaiting_second_review', 'verified', 'rejected', 'expired']);

function withdraw(command: WithdrawDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  if (!WITHDRAWABLE.has(state.status)) throw new NotWithdrawable(state.status);
  if (state.references.length > 0) throw new DocumentReliedUpon([...new Set(state.references.map((held) => held.department))].sort());
  return [{ type: 'DocumentWithdrawn', data: { documentId: state.documentId, withdrawnBy: command.by, withdrawnAt: now.toISOString() } }];
}

function reference(command: ReferenceDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  if (state.status !== 'verified') throw new NotReliable(state.status);
  const { documentId, customerId } = state;
  const { referenceId, department, purpose, caseRef, by } = command;
  return [{ type: 'DocumentReferenced', data: { documentId, customerId, referenceId, department, purpose, caseRef, referencedBy: by, referencedAt: now.toISOString() } }];
}

function releaseReference(command: ReleaseReference, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  const held = state.references.find((candidate) => candidate.id === command.referenceId && candidate.department === command.department);
  if (!held) throw new ReferenceNotFound();
  return [{ type: 'ReferenceReleased', data: { documentId: state.documentId, referenceId: held.id, department: held.department, releasedBy: command.by, releasedAt: now.toISOString() } }];
}

const REVOCABLE = new Set(['pending_review', 'awaiting_second_review', 'verified', 'expired']);

/** Unlike a withdrawal, a revocation goes through whoever relies on it: they are told, through their feed. */
function revoke(command: RevokeDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  if (!REVOCABLE.has(state.status)) throw new NotRevocable(state.status);
  return [{ type: 'DocumentRevoked', data: { documentId: state.documentId, reason: command.reason, revokedBy: command.by, revokedAt: now.toISOString() } }];
}

/** The law decides, not the document's status: from any status, once; erasing it again changes nothing. */
function erase(command: EraseDocument, state: DocumentOnFile, { now }: DocumentContext): DocumentEvent[] {
  if (state.status === 'erased') return [];
  return [{ type: 'DocumentErased', data: { documentId: state.documentId, customerId: state.customerId, reason: command.reason, erasedAt: now.toISOString() } }];
}

/** Keeps only the facts the type asks for, so nothing unexpected is stored about the customer. */
function pickFacts(facts: Facts, policy: DocumentTypePolicy): Facts {
  const picked: Facts = {};
  for (const name of policy.requiredFacts) picked[name] = facts[name]!.trim();
  if (facts.expiresOn && !picked.expiresOn) picked.expiresOn = facts.expiresOn.trim();
  return picked;
}

function validUntil(facts: Facts, policy: DocumentTypePolicy): string | null {
  switch (policy.validity.kind) {
    case 'document-expiry':
      return facts.expiresOn ?? null;
    case 'period':
      return addMonths(facts[policy.validity.from]!, policy.validity.months);
    case 'indefinite':
      return facts.expiresOn ?? null;
  }
}
