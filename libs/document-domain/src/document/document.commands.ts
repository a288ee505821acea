import type { RecordChipReading } from '../chip/record-chip-reading';
import type { Actor } from '../domain-event';
import type { Channel, DocumentType } from '../document-type';
import type { StoredFile } from './document.events';
import type { Facts } from '../facts';
import type { KnownHolder } from '../holder-check';

export interface SubmitDocument {
  readonly type: 'SubmitDocument';
  readonly documentId: string;
  readonly customerId: string;
  readonly documentType: DocumentType;
  readonly file: StoredFile;
  readonly channel: Channel;
  readonly relatedCustomerIds: readonly string[];
  /** What the malware scan made of the file while it was stored: an upload found infected never gets this far. */
  readonly scan: UploadScan;
  readonly by: Actor;
}

/** `not-scanned`: scanning is switched off (development only); `unavailable`: held until the scanner can answer. */
export type UploadScan = 'clean' | 'not-scanned' | 'unavailable';

/** The scanner's verdict on a document held for a scan, given when it is back. */
export interface RecordScanVerdict {
  readonly type: 'RecordScanVerdict';
  readonly documentId: string;
  readonly verdict: { readonly clean: true } | { readonly clean: false; readonly signature: string };
}

export interface ApproveDocument {
  readonly type: 'ApproveDocument';
  readonly documentId: string;
  readonly facts: Facts;
  /** The machine-readable zone's lines, when the reviewer read them: checked digit by digit against the facts. */
  readonly mrz?: readonly string[];
  /** The customer's verified identity documents' holders, which a new identity document must match. */
  readonly knownHolders?: readonly KnownHolder[];
  /** Why the holder is the customer although the holder fields differ: a second reviewer's confirmation. */
  readonly holderMismatchReason?: string;
  readonly by: Actor;
}

export interface ClaimDocument {
  readonly type: 'ClaimDocument';
  readonly documentId: string;
  readonly leaseMinutes: number;
  readonly by: Actor;
}

export interface ReleaseClaim {
  readonly type: 'ReleaseClaim';
  readonly documentId: string;
  readonly by: Actor;
}

/** Sent by the expiry process; a no-op unless the document is verified and its validity has ended. */
export interface ExpireDocument {
  readonly type: 'ExpireDocument';
  readonly documentId: string;
}

export interface RejectDocument {
  readonly type: 'RejectDocument';
  readonly documentId: string;
  readonly reasonCode: string;
  readonly message: string;
  readonly by: Actor;
}

export interface WithdrawDocument {
  readonly type: 'WithdrawDocument';
  readonly documentId: string;
  readonly by: Actor;
}

/** The customer says facts the bank read from her document are wrong, in her own words. */
export interface DisputeFacts {
  readonly type: 'DisputeFacts';
  readonly documentId: string;
  readonly fields: readonly string[];
  readonly message: string;
  readonly by: Actor;
}

export interface ReferenceDocument {
  readonly type: 'ReferenceDocument';
  readonly documentId: string;
  readonly referenceId: string;
  readonly department: string;
  readonly purpose: string;
  readonly caseRef: string;
  readonly by: Actor;
}

export interface ReleaseReference {
  readonly type: 'ReleaseReference';
  readonly documentId: string;
  readonly referenceId: string;
  readonly department: string;
  readonly by: Actor;
}

export interface RevokeDocument {
  readonly type: 'RevokeDocument';
  readonly documentId: string;
  readonly reason: string;
  readonly by: Actor;
}

/** Sent when the customer is erased; a no-op for a document already erased. */
export interface EraseDocument {
  readonly type: 'EraseDocument';
  readonly documentId: string;
  readonly reason: 'retention-ended' | 'prospect-request';
}

export type DocumentCommand = EraseDocument | SubmitDocument | RecordChipReading | RecordScanVerdict | ClaimDocument | ReleaseClaim | ApproveDocument | RejectDocument | ExpireDocument | WithdrawDocument | DisputeFacts | ReferenceDocument | ReleaseReference | RevokeDocument;
