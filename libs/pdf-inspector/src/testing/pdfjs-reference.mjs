// What a real reader makes of PDF files: pdf.js opens each one as a viewer does (cross-reference table, object
// streams, repair of damaged files, the empty password) and every object it can fetch is looked at for active
// content. Reads one file path per line on stdin and writes one JSON line per file to stdout.
//
// pdf.js only exports its display API; its parser lives in the worker bundle, so a copy of that bundle with the
// parser's classes exported is imported instead.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const bundlePath = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { version } = require('pdfjs-dist/package.json');
const parserPath = join(tmpdir(), `pdfjs-${version}-parser-${process.getuid?.() ?? 0}.mjs`);
const bundle = await readFile(bundlePath, 'utf8');
await writeFile(parserPath, `${bundle}\nexport { LocalPdfManager, Dict, Name, Ref, BaseStream, PasswordException, XRefParseException };\n`);
const { LocalPdfManager, Dict, Name, Ref, BaseStream, PasswordException, XRefParseException } = await import(pathToFileURL(parserPath).href);
globalThis.console.log = () => {};
globalThis.console.warn = () => {};

const ALWAYS_ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'GoToR', 'GoToE', 'SubmitForm', 'ImportData', 'RichMediaExecute']);

async function open(data) {
  const manager = new LocalPdfManager({
    source: data,
    password: '',
    docId: 'reference',
    enableXfa: false,
    evaluatorOptions: { isOffscreenCanvasSupported: false, isImageDecoderSupported: false },
    handler: null,
    length: data.length,
  });
  await manager.ensureDoc('checkHeader');
  await manager.ensureDoc('parseStartXRef');
  try {
    await manager.ensureDoc('parse', [false]);
  } catch (error) {
    if (!(error instanceof XRefParseException)) throw error;
    await manager.ensureDoc('parse', [true]);
  }
  return manager;
}

/** Every object pdf.js can fetch, with the dictionaries and arrays inside each. */
function* objects(xref) {
  yield xref.trailer;
  for (let number = 0; number < xref.entries.length; number += 1) {
    const entry = xref.getEntry(number);
    if (!entry) continue;
    try {
      yield xref.fetch(Ref.get(number, entry.gen ?? 0));
    } catch {
      // An entry that points nowhere is what a reader skips too.
    }
  }
}

function resolve(xref, value) {
  try {
    return value instanceof Ref ? xref.fetch(value) : value;
  } catch {
    return null;
  }
}

function findActive(xref) {
  const found = new Set();
  const seen = new Set();
  const visit = (value, depth) => {
    if (depth > 64 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof BaseStream) return visit(value.dict, depth + 1);
    if (Array.isArray(value)) return value.forEach((item) => visit(item, depth + 1));
    if (!(value instanceof Dict)) return;
    const action = value.getRaw('S');
    if (action instanceof Name && ALWAYS_ACTIVE_ACTIONS.has(action.name)) found.add(action.name);
    if (value.has('JS')) found.add('JS');
    if (value.has('JavaScript')) found.add('JavaScript');
    if (value.has('EmbeddedFiles') || value.has('EF') || value.getRaw('Type')?.name === 'EmbeddedFile') found.add('EmbeddedFile');
    if (value.getRaw('Subtype')?.name === 'RichMedia' || value.has('RichMediaContent')) found.add('RichMedia');
    if (value.has('XFA')) found.add('XFA');
    const additional = resolve(xref, value.getRaw('AA'));
    if (additional instanceof Dict && additional.size > 0) found.add('AA');
    let open = resolve(xref, value.getRaw('OpenAction'));
    for (let hops = 0; open instanceof Dict && hops < 32; hops += 1) {
      const type = open.getRaw('S');
      if (type instanceof Name && type.name !== 'GoTo') found.add(type.name === 'URI' ? 'URI' : 'OpenAction');
      open = resolve(xref, open.getRaw('Next'));
    }
    for (const key of value.getKeys()) visit(value.getRaw(key), depth + 1);
  };
  for (const object of objects(xref)) visit(object, 0);
  return [...found].sort();
}

async function reference(path) {
  const data = new Uint8Array(await readFile(path));
  let manager;
  try {
    manager = await open(data);
  } catch (error) {
    if (error instanceof PasswordException) return { path, encryption: 'password' };
    return { path, unreadable: String(error?.message ?? error).slice(0, 200) };
  }
  const document = manager.pdfDocument;
  let pages = null;
  try {
    pages = await manager.ensureDoc('numPages');
  } catch {
    // A file without a usable page tree: pdf.js shows nothing, so no count is compared.
  }
  const xref = document.xref;
  return { path, encryption: xref.encrypt ? 'empty-password' : 'none', pages, activeContent: findActive(xref) };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  let answer;
  try {
    answer = await reference(line.trim());
  } catch (error) {
    answer = { path: line.trim(), unreadable: String(error?.message ?? error).slice(0, 200) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
