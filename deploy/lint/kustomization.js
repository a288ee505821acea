'use strict';
const { existsSync, readdirSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { positionOf } = require('./yaml-files');

const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;
const isKustomizationFile = (name) => KUSTOMIZATION_FILE.test(name);

// The fields of kustomize.config.k8s.io/v1beta1 Kustomization (kustomize 5).
const KNOWN_FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'components', 'crds', 'namespace', 'namePrefix', 'nameSuffix',
  'labels', 'commonLabels', 'commonAnnotations', 'images', 'replicas', 'patches', 'patchesStrategicMerge',
  'patchesJson6902', 'replacements', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'generators',
  'transformers', 'validators', 'helmCharts', 'helmGlobals', 'openapi', 'buildMetadata', 'sortOptions', 'vars',
]);

/**
 * No schema for Kustomization is bundled anywhere, so by hand: its kind and version, no unknown field, every
 * listed resource exists, and every manifest beside it is listed (one left out would never be applied).
 */
function checkKustomization(parsed) {
  const problems = [];
  const dir = dirname(parsed.file);
  for (const document of parsed.documents) {
    const report = (path, message) =>
      problems.push({ file: parsed.name, ...positionOf(parsed, document, path), message, check: 'kustomization' });
    const kustomization = document.toJS() ?? {};
    if (kustomization.apiVersion !== 'kustomize.config.k8s.io/v1beta1') report(['apiVersion'], 'apiVersion must be kustomize.config.k8s.io/v1beta1');
    if (kustomization.kind !== 'Kustomization') report(['kind'], 'kind must be Kustomization');
    for (const field of Object.keys(kustomization)) {
      if (!KNOWN_FIELDS.has(field)) report([field], `unknown Kustomization field "${field}"`);
    }
    const resources = Array.isArray(kustomization.resources) ? kustomization.resources : [];
    resources.forEach((resource, index) => {
      if (typeof resource !== 'string' || /^[a-z]+:\/\//i.test(resource)) {
        report(['resources', index], 'a resource must be a local path: the build must not depend on the network');
      } else if (!existsSync(join(dir, resource))) {
        report(['resources', index], `${resource} does not exist`);
      }
    });
    const listed = new Set(resources.filter((resource) => typeof resource === 'string').map((resource) => join(dir, resource)));
    for (const name of readdirSync(dir)) {
      if (/\.ya?ml$/.test(name) && !isKustomizationFile(name) && !listed.has(join(dir, name))) {
        report(['resources'], `${relative(dir, join(dir, name))} is not listed in resources, so it would never be applied`);
      }
    }
  }
  return problems;
}

module.exports = { checkKustomization, isKustomizationFile };
