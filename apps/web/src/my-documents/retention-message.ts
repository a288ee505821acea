import type { MyRetention } from '../api/types';
import type { MessageKey } from '../i18n/messages';

export interface RetentionMessage {
  readonly key: MessageKey;
  /** A calendar day (YYYY-MM-DD) to put in the sentence. */
  readonly day?: string;
}

/**
 * Where the customer's records stand, as one sentence. Once the kept-until day has passed the records go at the next
 * erasure round, or later for reasons the customer may not be told, so the sentence then names no day at all.
 */
export function retentionMessage(retention: MyRetention, today: string): RetentionMessage {
  switch (retention.status) {
    case 'prospect':
      return { key: 'data.retention.prospect' };
    case 'active':
      return { key: 'data.retention.active' };
    case 'retained':
      return retention.retainedUntil && retention.retainedUntil >= today
        ? { key: 'data.retention.keptUntil', day: retention.retainedUntil }
        : { key: 'data.retention.ended' };
    case 'erased':
      return retention.erasedAt ? { key: 'data.retention.erasedOn', day: retention.erasedAt.slice(0, 10) } : { key: 'data.retention.erased' };
  }
}
