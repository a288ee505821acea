'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const YAML = require('yaml');

const YAML_FILE = /\.ya?ml$/;

/** Every YAML file under `dir`, in a stable order. */
function findYamlFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/**
 * Parses every document of a file. YAML merge keys (`<<:`) are resolved as Docker Compose does, and a key given
 * twice in one mapping is an error (the last one would silently win).
 */
function parseYamlFile(file, root) {
  const lineCounter = new YAML.LineCounter();
  const source = readFileSync(file, 'utf8');
  const documents = YAML.parseAllDocuments(source, { lineCounter, merge: true, uniqueKeys: true });
  const name = relative(root, file);
  const problems = [];
  for (const document of documents) {
    for (const error of [...document.errors, ...document.warnings]) {
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
      problems.push({ file: name, line, col, message: error.message.split('\n')[0], check: 'yaml' });
    }
  }
  return { file, name, lineCounter, documents: problems.length ? [] : documents.filter((d) => d.contents !== null), problems };
}

/** Where `path` (keys and indexes) is in the file: the deepest node of the path that exists. */
function positionOf(parsed, document, path) {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (node && node.range) {
      const { line, col } = parsed.lineCounter.linePos(node.range[0]);
      return { line, col };
    }
  }
  return { line: 1, col: 1 };
}

module.exports = { findYamlFiles, parseYamlFile, positionOf };
