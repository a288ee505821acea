import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ENTRY = join(__dirname, 'index.ts');

/** Every module specifier in a TypeScript file, type-only imports included: the browser's type check loads those too. */
const specifiersIn = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:(?:import|export)[^'";]*?from\s+|import\s+)'([^']+)'/g)].map((match) => match[1]);

const fileFor = (from: string, specifier: string): string => {
  const base = resolve(dirname(from), specifier);
  const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot resolve ${specifier} from ${from}`);
  return found;
};

/** Walks the imports from the entry: each file reached, and each import that leaves the domain's own files. */
function importsFrom(entry: string): { files: string[]; outside: string[] } {
  const seen = new Set<string>();
  const outside: string[] = [];
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiersIn(file)) {
      if (specifier.startsWith('.')) pending.push(fileFor(file, specifier));
      else outside.push(`${relative(__dirname, file)} imports ${specifier}`);
    }
  }
  return { files: [...seen], outside };
}

describe('the part of the domain the browser app loads', () => {
  it('imports nothing but the domain\'s own files: no Node module, no package, no other lib', () => {
    const { files, outside } = importsFrom(ENTRY);
    expect(files.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });

  it('would notice a Node import anywhere behind it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kluis-browser-entry-'));
    try {
      writeFileSync(join(dir, 'index.ts'), "export { type Words } from './words';\n");
      writeFileSync(join(dir, 'words.ts'), "import { randomUUID } from 'node:crypto';\nexport type Words = string;\nexport const id = randomUUID();\n");
      expect(importsFrom(join(dir, 'index.ts')).outside).toEqual([`${relative(__dirname, join(dir, 'words.ts'))} imports node:crypto`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
