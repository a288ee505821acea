'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** The build the bench runs: `npm run build` puts it in dist/; KLUIS_DIST_DIR points at another one. */
const distDir = () => resolve(process.env.KLUIS_DIST_DIR || join(__dirname, '..', '..', 'dist'));

/** A compiled file of the vault; fails, saying what to do, when the build is missing. */
function builtFile(...segments) {
  const file = join(distDir(), ...segments);
  if (!existsSync(file)) throw new Error(`${file} is missing: the bench runs the built vault, so run \`npm run build\` first`);
  return file;
}

const requireBuilt = (...segments) => require(builtFile(...segments));

module.exports = { builtFile, requireBuilt };
