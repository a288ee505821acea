import type { EncryptionParameters } from './pdf-encryption';
import type { PdfFindings } from './pdf-findings';
import type { PdfToken } from './pdf-tokenizer';

/** The automatic actions: what a reader runs by itself, when the file opens or on page and form events. */
type Automatic = 'OpenAction' | 'AA' | null;

interface Container {
  readonly kind: 'dict' | 'array';
  readonly automatic: Automatic;
  /** The key this container is the value of in its parent dictionary. */
  readonly valueOf: string | null;
  /** In a dictionary: the key whose value comes next, else null. */
  key: string | null;
  /** The key whose value was a number, in case an `R` makes it a reference. */
  numberKey: string | null;
  /** The values of the few keys this watcher reads, made on first use: most dictionaries need none. */
  values: Map<string, number | string | Buffer> | null;
  identifierSeen: boolean;
  readonly isAdditionalActions: boolean;
  /** A dictionary with `/Kids` is a page tree node, whatever its `/Type` says. */
  hasKids: boolean;
}

const INTEGER = /^[+-]?\d{1,15}$/;
/** The keys whose values are read: page trees, the encryption dictionary and crypt filters. */
const READ_KEYS = new Set(['Type', 'Count', 'Filter', 'CFM', 'R', 'V', 'Length', 'P', 'O', 'U', 'UE', 'EncryptMetadata']);
/** Deeper nesting is not followed, only balanced, so a hostile file cannot make the stack grow without end. */
const MAX_DEPTH = 64;

/**
 * Follows the object syntax of one token stream (the file's own, or an object stream's) through its dictionaries
 * and arrays, and tells the findings what a reader would act on: active names, actions run without a click, pages,
 * the page tree's count and the encryption dictionary. Strings and comments are already out of the way.
 */
export class PdfObjectWatcher {
  private readonly stack: Container[] = [];
  private overflow = 0;
  /** The last two keywords at any level, to read `N G obj` and `N G R`. */
  private beforeLast = '';
  private last = '';
  private objectNumber: number | null = null;
  private generation = 0;
  /** In an object stream: the numbers of its objects, in order, and how many of its header integers are still to come. */
  private readonly numbered: number[] = [];
  private headerIntegers: number;
  private nextObject = 0;
  private lastTopLevelWasInteger = false;

  /** `objectStreamCount`: the `/N` of an object stream, whose data starts with pairs of object number and offset. */
  constructor(
    private readonly findings: PdfFindings,
    objectStreamCount: number | null = null,
  ) {
    this.headerIntegers = objectStreamCount === null ? 0 : objectStreamCount * 2;
  }

  /** The object being read, as `N G obj` numbered it: what an encrypted stream's key is made from. */
  get currentObject(): { readonly number: number; readonly generation: number } | null {
    return this.objectNumber === null ? null : { number: this.objectNumber, generation: this.generation };
  }

  token(token: PdfToken): void {
    if (this.headerIntegers > 0 && token.kind === 'keyword' && INTEGER.test(token.word)) {
      if (this.headerIntegers % 2 === 0) this.numbered.push(Number(token.word));
      this.headerIntegers -= 1;
      return;
    }
    this.headerIntegers = 0;
    if (this.stack.length === 0 && this.overflow === 0) this.topLevel(token);
    switch (token.kind) {
      case 'delimiter':
        this.delimiter(token.char);
        break;
      case 'name':
        this.name(token.name);
        break;
      case 'string':
        this.value((container, key) => {
          if (token.bytes) keep(container, key, Buffer.from(token.bytes));
        });
        this.firstIdentifier(token.bytes);
        break;
      case 'keyword':
        this.keyword(token.word);
        break;
    }
  }

  /** In an object stream, each value at the top level is the next object of its header. */
  private topLevel(token: PdfToken): void {
    if (this.numbered.length === 0) return;
    const integer = token.kind === 'keyword' && INTEGER.test(token.word);
    const continuesReference = this.lastTopLevelWasInteger && token.kind === 'keyword';
    this.lastTopLevelWasInteger = integer;
    if (continuesReference || (token.kind === 'delimiter' && token.char !== '<<' && token.char !== '[')) return;
    this.objectNumber = this.numbered[this.nextObject] ?? null;
    this.nextObject += 1;
  }

  private delimiter(char: string): void {
    if (char === '<<' || char === '[') {
      const parent = this.stack.at(-1);
      const valueOf = parent?.kind === 'dict' ? parent.key : null;
      if (parent) parent.key = null;
      if (this.stack.length >= MAX_DEPTH) {
        this.overflow += 1;
        return;
      }
      const automatic: Automatic = valueOf === 'OpenAction' || valueOf === 'AA' ? valueOf : (parent?.automatic ?? null);
      this.stack.push({
        kind: char === '<<' ? 'dict' : 'array',
        automatic,
        valueOf,
        key: null,
        numberKey: null,
        values: null,
        identifierSeen: false,
        isAdditionalActions: char === '<<' && valueOf === 'AA',
        hasKids: false,
      });
      return;
    }
    if (char === '>>' || char === ']') {
      if (this.overflow > 0) {
        this.overflow -= 1;
        return;
      }
      // A `]` that closes no array, or a `>>` that closes no dictionary, is an error readers skip.
      const kind = char === '>>' ? 'dict' : 'array';
      if (this.stack.at(-1)?.kind !== kind) return;
      const closed = this.stack.pop() as Container;
      if (kind === 'dict') this.dictionaryClosed(closed);
    }
  }

  private name(name: string): void {
    const container = this.stack.at(-1);
    if (container?.kind === 'dict' && container.key === null) {
      container.key = name;
      container.numberKey = null;
      this.findings.name(name);
      // An additional action with at least one event is armed; an empty `/AA << >>` is not.
      if (container.isAdditionalActions) this.findings.flag('AA');
      if (name === 'OpenAction') this.findings.openAction();
      if (name === 'Encrypt') this.findings.encrypted();
      if (name === 'Kids') container.hasKids = true;
      return;
    }
    this.findings.name(name);
    this.value((dictionary, key) => {
      keep(dictionary, key, name);
      if (key === 'S') this.actionType(dictionary, name);
      if (key === 'Type' && name === 'Page') this.findings.countPage();
    });
  }

  private keyword(word: string): void {
    const { beforeLast, last } = this;
    this.beforeLast = last;
    this.last = word;
    const container = this.stack.at(-1);
    if (word === 'R' && INTEGER.test(beforeLast) && INTEGER.test(last)) {
      if (container?.kind === 'dict' && container.numberKey) this.reference(container, container.numberKey, Number(beforeLast));
      return;
    }
    if (word === 'obj' && this.stack.length === 0 && INTEGER.test(beforeLast)) {
      this.objectNumber = Number(beforeLast);
      this.generation = INTEGER.test(last) ? Number(last) : 0;
      return;
    }
    if (word === 'endobj' || word === 'trailer' || word === 'xref' || word === 'startxref') {
      this.stack.length = 0;
      this.overflow = 0;
      this.objectNumber = null;
      return;
    }
    if (container?.kind !== 'dict') return;
    if (container.key !== null && INTEGER.test(word)) {
      keep(container, container.key, Number(word));
      container.numberKey = container.key;
      container.key = null;
      return;
    }
    this.value((dictionary, key) => {
      if (word === 'true' || word === 'false') keep(dictionary, key, word);
    });
  }

  /** A value for the pending key of the innermost dictionary, if there is one. */
  private value(use: (dictionary: Container, key: string) => void): void {
    const container = this.stack.at(-1);
    if (container?.kind !== 'dict' || container.key === null) return;
    const key = container.key;
    container.key = null;
    container.numberKey = null;
    use(container, key);
  }

  private reference(dictionary: Container, key: string, objectNumber: number): void {
    dictionary.values?.delete(key);
    dictionary.numberKey = null;
    if (key === 'OpenAction') this.findings.openActionIn(objectNumber);
    // An additional action kept elsewhere is not looked up: it is there to be run.
    if (key === 'AA') this.findings.flag('AA');
    // A page whose type is kept elsewhere still counts, so that the page limit cannot be dodged so.
    if (key === 'Type') this.findings.countPage();
  }

  private actionType(dictionary: Container, type: string): void {
    if (dictionary.automatic) this.findings.automaticAction(type, dictionary.automatic);
    else this.findings.action(this.objectNumber, type);
  }

  private dictionaryClosed(dictionary: Container): void {
    const type = valueOf(dictionary, 'Type', 'string');
    const count = valueOf(dictionary, 'Count', 'number');
    if ((type === 'Pages' || dictionary.hasKids) && count !== undefined) this.findings.pageTreeCount(count);
    if (valueOf(dictionary, 'Filter', 'string') === 'Standard') this.encryptionDictionary(dictionary);
    // The crypt filter streams are encrypted with (PDF 2.0, 7.6.6); the first one found counts.
    const cipher = valueOf(dictionary, 'CFM', 'string');
    if (cipher) this.findings.encryptionParameter('cipher', cipher);
  }

  private encryptionDictionary(dictionary: Container): void {
    const set = <K extends keyof EncryptionParameters>(key: K, value: EncryptionParameters[K] | undefined) => {
      if (value !== undefined) this.findings.encryptionParameter(key, value);
    };
    set('filter', 'Standard');
    set('revision', valueOf(dictionary, 'R', 'number'));
    set('lengthBits', valueOf(dictionary, 'Length', 'number'));
    set('permissions', valueOf(dictionary, 'P', 'number'));
    set('owner', valueOf(dictionary, 'O', 'bytes'));
    set('user', valueOf(dictionary, 'U', 'bytes'));
    set('encryptMetadata', valueOf(dictionary, 'EncryptMetadata', 'string') !== 'false');
    set('userKey', valueOf(dictionary, 'UE', 'bytes'));
    const version = valueOf(dictionary, 'V', 'number');
    if (version !== undefined && version < 4) set('cipher', 'V2');
  }

  /** The first string of an `/ID` array: the half of the file identifier that goes into the encryption key. */
  private firstIdentifier(bytes: Buffer | null): void {
    const container = this.stack.at(-1);
    if (!bytes || container?.kind !== 'array' || container.valueOf !== 'ID' || container.identifierSeen) return;
    container.identifierSeen = true;
    this.findings.identifier(Buffer.from(bytes));
  }
}

function keep(container: Container, key: string, value: number | string | Buffer): void {
  if (!READ_KEYS.has(key)) return;
  container.values ??= new Map();
  container.values.set(key, value);
}

function valueOf(container: Container, key: string, kind: 'number'): number | undefined;
function valueOf(container: Container, key: string, kind: 'string'): string | undefined;
function valueOf(container: Container, key: string, kind: 'bytes'): Buffer | undefined;
function valueOf(container: Container, key: string, kind: 'number' | 'string' | 'bytes'): number | string | Buffer | undefined {
  const value = container.values?.get(key);
  if (kind === 'bytes') return Buffer.isBuffer(value) ? value : undefined;
  return typeof value === kind ? value : undefined;
}
