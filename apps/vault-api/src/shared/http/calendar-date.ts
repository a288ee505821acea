import { isIsoDate } from '@kluis/document-domain';
import { ValidateBy } from 'class-validator';

/** A real day written YYYY-MM-DD: `2026-02-31` has the shape but names no day, so it is refused too. */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
      defaultMessage: () => 'must be a real date, YYYY-MM-DD',
    },
  });
