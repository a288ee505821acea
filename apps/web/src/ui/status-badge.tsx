import type { DocumentStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';

const TONE: Record<DocumentStatus, 'waiting' | 'good' | 'bad' | 'neutral'> = {
  pending_scan: 'waiting',
  pending_review: 'waiting',
  awaiting_second_review: 'waiting',
  verified: 'good',
  rejected: 'bad',
  expired: 'bad',
  withdrawn: 'neutral',
  revoked: 'bad',
  erased: 'neutral',
};

/** Customers read what it means for them; staff read the workflow state. */
export function StatusBadge({ status, audience }: { status: DocumentStatus; audience: 'customer' | 'staff' }) {
  const { t } = useI18n();
  return <span className={`badge badge-${TONE[status]}`}>{t(`status.${audience}.${status}`)}</span>;
}
