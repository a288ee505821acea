import { join } from 'node:path';
import { compare, type Comparison, pdfFilesIn, referenceReadings, vaultReading } from './testing/pdf-differential';

// The kept fixtures by default; PDF_CORPUS_DIR points the same comparison at a whole corpus.
const corpus = process.env.PDF_CORPUS_DIR ?? join(__dirname, '../../../test/fixtures/pdf-corpus');

describe('the PDF inspector against a real reader (pdf.js)', () => {
  let comparisons: Comparison[];

  beforeAll(async () => {
    const paths = await pdfFilesIn(corpus);
    const references = await referenceReadings(paths);
    comparisons = [];
    for (const reference of references) comparisons.push(compare(reference, await vaultReading(reference.path)));
    const readable = comparisons.filter((comparison) => !comparison.reference.unreadable);
    const active = readable.filter((comparison) => comparison.reference.activeContent?.length || comparison.reference.encryption === 'password');
    const falselyRefused = comparisons.filter((comparison) => comparison.falselyRefused);
    if (process.env.PDF_CORPUS_DIR) {
      process.stdout.write(
        `${JSON.stringify(
          {
            files: comparisons.length,
            unreadableByPdfJs: comparisons.length - readable.length,
            activeOrLockedByPdfJs: active.length,
            missed: comparisons.filter((comparison) => comparison.missed).map((comparison) => comparison.path),
            falselyRefused: falselyRefused.map((comparison) => ({ path: comparison.path, vault: comparison.vault })),
            falseRefusalRate: falselyRefused.length / (readable.length - active.length),
            pagesUndercounted: comparisons.filter((comparison) => comparison.pagesUndercounted).map((comparison) => comparison.path),
          },
          null,
          2,
        )}\n`,
      );
    }
  }, Number(process.env.PDF_CORPUS_TIMEOUT_MS ?? 120_000));

  it('reads a corpus in which pdf.js finds both ordinary and active files', () => {
    expect(comparisons.some((comparison) => comparison.reference.activeContent?.length)).toBe(true);
    expect(comparisons.some((comparison) => comparison.reference.activeContent?.length === 0)).toBe(true);
  });

  it('lets through no file in which pdf.js finds active content or a password', () => {
    expect(comparisons.filter((comparison) => comparison.missed)).toEqual([]);
  });

  it('counts no fewer pages than pdf.js shows', () => {
    expect(comparisons.filter((comparison) => comparison.pagesUndercounted)).toEqual([]);
  });

  it('refuses fewer than 0.5% of the files in which pdf.js finds nothing active', () => {
    const ordinary = comparisons.filter((comparison) => !comparison.reference.unreadable && !comparison.reference.activeContent?.length && comparison.reference.encryption !== 'password');
    const refused = ordinary.filter((comparison) => comparison.falselyRefused);

    expect(refused.length).toBeLessThan(Math.max(1, ordinary.length * 0.005));
  });
});
