'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

// ${NAME}, ${NAME:-default}, ${NAME:?message}; $${…} is an escaped dollar for the container's shell.
const INTERPOLATION = /(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Every variable a Compose file takes from the environment is listed in the .env.example beside it, so that
 * copying the example and filling it in is enough to start the stack.
 */
function checkEnvExample(parsed, root) {
  const example = join(dirname(parsed.file), '.env.example');
  const text = readFileSync(parsed.file, 'utf8');
  const used = [...text.matchAll(INTERPOLATION)];
  if (used.length === 0) return [];
  if (!existsSync(example)) {
    return [{ file: parsed.name, line: 1, col: 1, message: `takes variables from the environment, but there is no ${relative(root, example)}`, check: 'env-example' }];
  }
  const listed = new Set(
    readFileSync(example, 'utf8')
      .split('\n')
      .map((line) => /^\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1])
      .filter(Boolean),
  );
  const reported = new Set();
  const problems = [];
  for (const match of used) {
    const name = match[1];
    if (listed.has(name) || reported.has(name)) continue;
    reported.add(name);
    const { line, col } = parsed.lineCounter.linePos(match.index);
    problems.push({ file: parsed.name, line, col, message: `${name} is not in ${relative(root, example)}`, check: 'env-example' });
  }
  return problems;
}

module.exports = { checkEnvExample };
