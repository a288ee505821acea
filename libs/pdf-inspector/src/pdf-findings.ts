import { emptyPasswordKey, type EncryptionParameters } from './pdf-encryption';

/**
 * What makes a PDF more than a document to look at. `URI`: a web address opened without a click, from an open or
 * additional action. `GoToR`, `GoToE`: actions that open another file, which can send the reader's credentials to
 * a remote share. `UnreadableObjectStream`: an object stream the inspector could not decode (an unusual filter,
 * damaged or encrypted data), so whatever it holds went unseen.
 */
export type PdfActiveContent =
  | 'JavaScript'
  | 'JS'
  | 'Launch'
  | 'OpenAction'
  | 'AA'
  | 'URI'
  | 'GoToR'
  | 'GoToE'
  | 'ImportData'
  | 'EmbeddedFile'
  | 'RichMedia'
  | 'SubmitForm'
  | 'XFA'
  | 'UnreadableObjectStream';

/** `none`: not encrypted. `empty-password`: encrypted, but any reader opens it without asking. `password`: locked. */
export type PdfEncryption = 'none' | 'empty-password' | 'password';

export interface PdfInspection {
  /** Objects of type Page, or the page tree's count if larger: exact for ordinary files, approximate otherwise. */
  readonly pages: number;
  /** In a fixed order, each at most once. */
  readonly activeContent: readonly PdfActiveContent[];
  readonly encryption: PdfEncryption;
}

/** Names that make a file active wherever they stand in its object syntax. */
export const ACTIVE_NAMES: ReadonlyMap<string, PdfActiveContent> = new Map([
  ['JavaScript', 'JavaScript'],
  ['JS', 'JS'],
  ['Launch', 'Launch'],
  ['GoToR', 'GoToR'],
  ['GoToE', 'GoToE'],
  ['ImportData', 'ImportData'],
  ['EmbeddedFile', 'EmbeddedFile'],
  ['EmbeddedFiles', 'EmbeddedFile'],
  // A file specification's embedded file stream.
  ['EF', 'EmbeddedFile'],
  ['RichMedia', 'RichMedia'],
  ['RichMediaContent', 'RichMedia'],
  ['RichMediaExecute', 'RichMedia'],
  ['SubmitForm', 'SubmitForm'],
  ['XFA', 'XFA'],
]);

const ORDER: readonly PdfActiveContent[] = [
  'JavaScript',
  'JS',
  'Launch',
  'OpenAction',
  'AA',
  'URI',
  'GoToR',
  'GoToE',
  'ImportData',
  'EmbeddedFile',
  'RichMedia',
  'SubmitForm',
  'XFA',
  'UnreadableObjectStream',
];

/** Actions a reader may run by itself when they open the file: going to a page is the only harmless one. */
const HARMLESS_ACTION = 'GoTo';
/** Beyond this many action objects the inspector stops telling them apart, and a referenced open action is flagged. */
const MAX_REMEMBERED_ACTIONS = 100_000;

/**
 * What the inspection found so far, shared by every token stream of one file. Pages are counted by each reading of
 * the file apart (`forPages`), because a stream whose stated length proves wrong is read twice until it is known
 * which reading a reader follows.
 */
export class PdfFindings {
  private typedPages = 0;
  private readonly active: Set<PdfActiveContent>;
  private readonly shared: SharedFindings;

  constructor(shared?: SharedFindings, active?: Set<PdfActiveContent>) {
    this.shared = shared ?? new SharedFindings();
    this.active = active ?? new Set();
  }

  /** Findings that share everything but the page count, for a second reading of part of the file. */
  forPages(): PdfFindings {
    return new PdfFindings(this.shared, this.active);
  }

  /** Takes the pages a second reading counted, once it proves to be the reading a reader follows. */
  adoptPages(other: PdfFindings): void {
    this.typedPages += other.typedPages;
  }

  /** The pages this reading has counted so far. */
  get pages(): number {
    return this.typedPages;
  }

  /** Another reading of the same bytes counted more pages: the larger count holds. */
  atLeastPages(pages: number): void {
    this.typedPages = Math.max(this.typedPages, pages);
  }

  flag(content: PdfActiveContent): void {
    this.active.add(content);
  }

  countPage(): void {
    this.typedPages += 1;
  }

  /** The `/Count` of a page tree node: the root's is the document's page count as readers report it. */
  pageTreeCount(count: number): void {
    this.shared.pageTreeCount = Math.max(this.shared.pageTreeCount, count);
  }

  name(name: string): void {
    const active = ACTIVE_NAMES.get(name);
    if (active) this.active.add(active);
  }

  openAction(): void {
    this.shared.openAction = true;
  }

  /** An open action kept in object `objectNumber`, to be judged once the file has been read. */
  openActionIn(objectNumber: number): void {
    this.shared.openAction = true;
    this.shared.openActionObjects.add(objectNumber);
  }

  /** The action type `/S` of an action in object `objectNumber` (null when its number is not known). */
  action(objectNumber: number | null, type: string): void {
    if (type === HARMLESS_ACTION) return;
    const actions = this.shared.actions;
    if (objectNumber === null) this.shared.unnumberedActions.add(type);
    else if (actions.size < MAX_REMEMBERED_ACTIONS) actions.set(objectNumber, [...(actions.get(objectNumber) ?? []), type]);
    else this.shared.forgotActions = true;
  }

  /** An action a reader runs by itself, from an open or an additional action. */
  automaticAction(type: string, from: 'OpenAction' | 'AA'): void {
    if (type === HARMLESS_ACTION) return;
    this.active.add(from);
    if (type === 'URI') this.active.add('URI');
  }

  encrypted(): void {
    this.shared.encrypted = true;
  }

  encryptionParameter(key: keyof EncryptionParameters, value: EncryptionParameters[typeof key]): void {
    (this.shared.encryption as Record<string, unknown>)[key] ??= value;
  }

  encryptionState(): { encrypted: boolean; parameters: Partial<EncryptionParameters> } {
    return { encrypted: this.shared.encrypted, parameters: this.shared.encryption };
  }

  /** The first half of the file identifier, which the encryption key is made from; the first one found counts. */
  identifier(bytes: Buffer): void {
    this.shared.encryption.id ??= bytes;
  }

  inspection(): PdfInspection {
    this.judgeReferencedOpenActions();
    // An open action that only sets the first view is harmless; one counts as active when the file carries a script.
    const scripted = this.active.has('JavaScript') || this.active.has('JS');
    const active = new Set(this.active);
    if (this.shared.openAction && scripted) active.add('OpenAction');
    return {
      pages: Math.max(this.typedPages, this.shared.pageTreeCount),
      activeContent: ORDER.filter((content) => active.has(content)),
      encryption: !this.shared.encrypted ? 'none' : emptyPasswordKey(this.shared.encryption) ? 'empty-password' : 'password',
    };
  }

  private judgeReferencedOpenActions(): void {
    const { actions, unnumberedActions, forgotActions } = this.shared;
    for (const objectNumber of this.shared.openActionObjects) {
      const types = actions.get(objectNumber) ?? (forgotActions ? ['unknown'] : [...unnumberedActions]);
      for (const type of types) this.automaticAction(type, 'OpenAction');
    }
  }
}

class SharedFindings {
  pageTreeCount = 0;
  openAction = false;
  readonly openActionObjects = new Set<number>();
  readonly actions = new Map<number, string[]>();
  readonly unnumberedActions = new Set<string>();
  forgotActions = false;
  encrypted = false;
  readonly encryption: { -readonly [K in keyof EncryptionParameters]?: EncryptionParameters[K] } = {};
}
