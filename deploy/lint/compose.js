'use strict';
const { readFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const Ajv = require('ajv');
const { DCLinter } = require('dclint');
const { positionOf } = require('./yaml-files');

/**
 * dclint ships the Compose Specification's JSON schema and checks its rules offline. Rules about correctness are
 * errors; rules about key order only are off, since the files are ordered to be read.
 */
const RULES = {
  'no-build-and-image': 2,
  'no-duplicate-container-names': 2,
  'no-duplicate-exported-ports': 2,
  'no-quotes-in-volumes': 2,
  'no-unbound-port-interfaces': 2,
  'no-version-field': 2,
  'require-quotes-in-ports': [2, { quoteType: 'double' }],
  'service-image-require-explicit-tag': 2,
  // An override file (docker-compose.*.yml) adds to a project that is named already.
  'require-project-name-field': 0,
  'service-container-name-regex': 2,
  'service-dependencies-alphabetical-order': 0,
  'service-keys-order': 0,
  'service-ports-alphabetical-order': 0,
  'services-alphabetical-order': 0,
  'top-level-properties-order': 0,
};

const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;

const isComposeFile = (name) => COMPOSE_FILE.test(name);

/**
 * dclint stops at the first schema error and does not name an unknown key, so the same bundled schema is also
 * applied here with every error reported.
 */
function composeSchemaValidator() {
  const file = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  // Ajv knows draft-07 by its canonical id only.
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  return new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false }).compile(schema);
}

function describe(error) {
  if (error.keyword === 'additionalProperties') return `unknown key "${error.params.additionalProperty}"`;
  if (error.keyword === 'required') return `"${error.params.missingProperty}" is required`;
  return error.message;
}

function checkComposeSchema(parsed, validate) {
  const problems = [];
  for (const document of parsed.documents) {
    if (validate(document.toJS({ maxAliasCount: -1 }))) continue;
    const seen = new Set();
    for (const error of validate.errors) {
      const path = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
      const where = path.join('.') || '(top level)';
      const message = `${where}: ${describe(error)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      problems.push({ file: parsed.name, ...positionOf(parsed, document, path), message, check: 'compose:schema' });
    }
  }
  return problems;
}

function lintComposeFiles(parsedFiles, root) {
  if (parsedFiles.length === 0) return [];
  const validate = composeSchemaValidator();
  const schemaProblems = parsedFiles.flatMap((parsed) => checkComposeSchema(parsed, validate));
  const linter = new DCLinter({ rules: RULES, quiet: false, debug: false, exclude: [] });
  const ruleProblems = linter.lintFiles(parsedFiles.map((parsed) => parsed.file), false).flatMap((result) =>
    result.messages
      // Reported above, with every error and the key at fault.
      .filter((message) => message.rule !== 'invalid-schema' && message.rule !== 'invalid-yaml')
      .map((message) => ({
        file: relative(root, result.filePath),
        line: message.line,
        col: message.column,
        message: message.message,
        check: `compose:${message.rule}`,
        warning: message.type !== 'error',
      })),
  );
  return [...schemaProblems, ...ruleProblems];
}

module.exports = { isComposeFile, lintComposeFiles };
