import type { MyRetention } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { retentionMessage } from './retention-message';

/** How long the bank keeps the customer's records, in one plain sentence. */
export function RetentionLine({ retention }: { retention: MyRetention }) {
  const { t, date } = useI18n();
  const message = retentionMessage(retention, new Date().toISOString().slice(0, 10));
  return <p className="retention">{t(message.key, message.day ? { date: date(message.day) } : {})}</p>;
}
