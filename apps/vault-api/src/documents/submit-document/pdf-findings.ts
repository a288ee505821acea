import type { PdfToken } from './pdf-tokenizer';

/**
 * What makes a PDF more than a document to look at. `UnreadableObjectStream`: an object stream the inspector could
 * not decode (an unusual filter, a predictor, damaged or encrypted data), so whatever it holds went unseen.
 */
export type PdfActiveContent =
  | 'JavaScript'
  | 'JS'
  | 'Launch'
  | 'OpenAction'
  | 'AA'
  | 'EmbeddedFile'
  | 'RichMedia'
  | 'SubmitForm'
  | 'XFA'
  | 'UnreadableObjectStream';

export interface PdfInspection {
  /** Objects of type Page: exact for ordinary files, approximate for damaged or unusual ones. */
  readonly pages: number;
  /** In a fixed order, each at most once. */
  readonly activeContent: readonly PdfActiveContent[];
}

const ACTIVE_NAMES: ReadonlyMap<string, PdfActiveContent> = new Map([
  ['JavaScript', 'JavaScript'],
  ['JS', 'JS'],
  ['Launch', 'Launch'],
  ['AA', 'AA'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EmbeddedFiles', 'EmbeddedFile'],
  ['RichMedia', 'RichMedia'],
  ['SubmitForm', 'SubmitForm'],
  ['XFA', 'XFA'],
]);

const ORDER: readonly PdfActiveContent[] = [
  'JavaScript',
  'JS',
  'Launch',
  'OpenAction',
  'AA',
  'EmbeddedFile',
  'RichMedia',
  'SubmitForm',
  'XFA',
  'UnreadableObjectStream',
];

/**
 * In stream data, which may be compressed or an image, only names spelt with at least this many bytes count: a
 * three-byte `/JS` or `/AA` turns up by chance about once in every 250 MB of random bytes, a five-byte one
 * practically never. What a short name would do still needs `/JavaScript`, `/Launch` or `/SubmitForm` to happen.
 */
const MIN_RAW_NAME_IN_STREAM_DATA = 5;

/** What the inspection found so far, shared by every token stream of one file. */
export class PdfFindings {
  private pages = 0;
  private readonly active = new Set<PdfActiveContent>();
  private openAction = false;

  flag(content: PdfActiveContent): void {
    this.active.add(content);
  }

  countPage(): void {
    this.pages += 1;
  }

  noteName(name: string, rawLength: number, inStreamData: boolean): void {
    if (inStreamData && rawLength < MIN_RAW_NAME_IN_STREAM_DATA) return;
    const active = ACTIVE_NAMES.get(name);
    if (active) this.active.add(active);
    else if (name === 'OpenAction') this.openAction = true;
  }

  inspection(): PdfInspection {
    // Most open actions only set the first view; one counts as active when the file also carries a script.
    const scripted = this.active.has('JavaScript') || this.active.has('JS');
    const active = new Set(this.active);
    if (this.openAction && scripted) active.add('OpenAction');
    return { pages: this.pages, activeContent: ORDER.filter((content) => active.has(content)) };
  }
}

/** Watches one token stream for `/Type /Page` (not `/Pages`) and for active names. */
export class PdfNameWatcher {
  private previousName: string | null = null;

  constructor(
    private readonly findings: PdfFindings,
    private readonly inStreamData: boolean,
  ) {}

  token(token: PdfToken): void {
    if (token.kind !== 'name') {
      this.previousName = null;
      return;
    }
    this.findings.noteName(token.name, token.rawLength, this.inStreamData);
    if (!this.inStreamData && this.previousName === 'Type' && token.name === 'Page') this.findings.countPage();
    this.previousName = token.name;
  }
}
