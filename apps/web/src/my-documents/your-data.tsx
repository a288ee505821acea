import { useId } from 'react';
import type { MyRetention } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ExportDownload } from './export-download';
import { RetentionLine } from './retention-line';

/** What the bank holds on the customer, to take away in one download, and how long the law makes the bank keep it. */
export function YourData({ retention }: { retention: MyRetention | undefined }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="card your-data" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('data.title')}</h2>
      {retention && <RetentionLine retention={retention} />}
      <ExportDownload />
    </section>
  );
}
