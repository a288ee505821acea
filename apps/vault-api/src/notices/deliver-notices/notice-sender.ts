import type { NoticeChannel, NoticeIssued } from '@kluis/document-domain';

/** A notice and, when mailed, the address it goes to. */
export interface Outgoing {
  readonly notice: NoticeIssued['data'];
  readonly to: string | null;
}

/**
 * Sends one notice out of the vault, or throws. Sending the same notice twice carries the same id (the mail's
 * Message-ID, the webhook's X-Kluis-Delivery), so the receiver can tell it is the same notice.
 */
export interface NoticeSender {
  readonly channel: NoticeChannel;
  /** Whether the customer needs an address on file: the bank's messaging platform knows its customers itself. */
  readonly needsAddress: boolean;
  send(outgoing: Outgoing): Promise<void>;
  close(): void;
}

/** A failure in words safe to store and show: no address, URL or secret. */
export class NoticeNotSent extends Error {
  constructor(readonly safeReason: string) {
    super(safeReason);
    this.name = 'NoticeNotSent';
  }
}
