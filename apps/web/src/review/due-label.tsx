import { countdown } from '../format/countdown';
import { useI18n } from '../i18n/i18n';

/** The SLA countdown: how long until the review is due, or how long it is overdue, in red. */
export function DueLabel({ dueAt, now }: { dueAt: string; now: number }) {
  const { t, relative, dateTime } = useI18n();
  const left = countdown(dueAt, now);
  return (
    <time dateTime={dueAt} title={dateTime(dueAt)} className={left.overdue ? 'overdue' : undefined}>
      {left.overdue ? t('due.overdue', { relative: relative(left) }) : t('due.in', { relative: relative(left) })}
    </time>
  );
}
