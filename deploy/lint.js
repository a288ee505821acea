#!/usr/bin/env node
'use strict';
/**
 * Checks every YAML file under deploy/ (or under the folder given as the only argument) without the network:
 * - every file parses, with no key given twice;
 * - Compose files (docker-compose*.yml, compose*.yml): the Compose Specification schema and dclint's rules, and
 *   every variable they read from the environment is in the .env.example beside them;
 * - kustomization.yaml: its fields, and that it lists exactly the manifests beside it;
 * - any other YAML is a Kubernetes manifest: its kind's OpenAPI schema, no key its kind does not have, and
 *   selectors and probe ports that point at something;
 * - no secret anywhere: no Secret object, no password in a URL, no literal value for a secret-looking variable.
 * Prints one line per problem and exits with 1 when there is any.
 */
const { basename, resolve } = require('node:path');
const { isComposeFile, lintComposeFiles } = require('./lint/compose');
const { checkEnvExample } = require('./lint/env-example');
const { checkKustomization, isKustomizationFile } = require('./lint/kustomization');
const { checkReferences } = require('./lint/kubernetes-references');
const { checkKubernetesSchema } = require('./lint/kubernetes-schema');
const { checkUnknownFields } = require('./lint/kubernetes-unknown-fields');
const { checkNoSecrets } = require('./lint/no-secrets');
const { findYamlFiles, parseYamlFile } = require('./lint/yaml-files');

function lint(root) {
  const parsedFiles = findYamlFiles(root).map((file) => parseYamlFile(file, root));
  const problems = parsedFiles.flatMap((parsed) => [...parsed.problems, ...checkNoSecrets(parsed)]);

  const compose = parsedFiles.filter((parsed) => isComposeFile(basename(parsed.file)) && parsed.problems.length === 0);
  problems.push(...lintComposeFiles(compose, root), ...compose.flatMap((parsed) => checkEnvExample(parsed, root)));

  const manifests = [];
  for (const parsed of parsedFiles) {
    const name = basename(parsed.file);
    if (isComposeFile(name)) continue;
    if (isKustomizationFile(name)) {
      problems.push(...checkKustomization(parsed));
      continue;
    }
    for (const document of parsed.documents) {
      const manifest = document.toJS();
      manifests.push({ parsed, document, manifest });
      problems.push(...checkKubernetesSchema(parsed, document, manifest));
    }
  }
  problems.push(...checkUnknownFields(manifests, root), ...checkReferences(manifests));
  return { files: parsedFiles.length, problems };
}

const root = resolve(process.argv[2] ?? __dirname);
const { files, problems } = lint(root);
problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
for (const problem of problems) {
  const level = problem.warning ? 'warning' : 'error';
  process.stdout.write(`${problem.file}:${problem.line}:${problem.col}  ${level}  ${problem.message}  [${problem.check}]\n`);
}
const errors = problems.filter((problem) => !problem.warning).length;
process.stdout.write(`${files} YAML files checked: ${errors} errors, ${problems.length - errors} warnings\n`);
process.exitCode = errors > 0 ? 1 : 0;
