'use strict';
const { dirname, join } = require('node:path');
const { positionOf } = require('./yaml-files');

/**
 * kubernetes-models carries the Kubernetes OpenAPI schemas as compiled validators, one module per apiVersion and
 * kind (e.g. kubernetes-models/apps/v1/Deployment), so nothing is downloaded.
 */
const modelsDir = () => dirname(require.resolve('kubernetes-models/package.json'));

/** The module of a kind's model, or undefined when kubernetes-models has none (a custom resource, a typo). */
function modelModule(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) || !/^\w+$/.test(kind)) {
    return undefined;
  }
  const id = `kubernetes-models/${apiVersion}/${kind}`;
  try {
    require.resolve(id);
    return { id, typesFile: join(modelsDir(), apiVersion, `${kind}.d.ts`), typeName: `I${kind}` };
  } catch {
    return undefined;
  }
}

function pathOf(instancePath) {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describe(error) {
  if (error.keyword === 'required') return `"${error.params.missingProperty}" is required`;
  if (error.keyword === 'enum') return `${error.message}: ${error.params.allowedValues.join(', ')}`;
  return error.message;
}

/** Validates one manifest against its kind's schema; a kind without a schema is an error too. */
function checkKubernetesSchema(parsed, document, manifest) {
  const model = modelModule(manifest?.apiVersion, manifest?.kind);
  if (!model) {
    return [{
      file: parsed.name,
      ...positionOf(parsed, document, ['kind']),
      message: `no Kubernetes schema for apiVersion "${manifest?.apiVersion}" kind "${manifest?.kind}"`,
      check: 'k8s:schema',
    }];
  }
  const Model = Object.values(require(model.id)).find((exported) => typeof exported === 'function' && exported.kind === manifest.kind);
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    const errors = Array.isArray(error.errors) ? error.errors : [{ instancePath: '', message: error.message, params: {} }];
    return errors.map((item) => {
      const path = pathOf(item.instancePath);
      return {
        file: parsed.name,
        ...positionOf(parsed, document, path),
        message: `${path.join('.') || manifest.kind}: ${describe(item)}`,
        check: 'k8s:schema',
      };
    });
  }
}

module.exports = { checkKubernetesSchema, modelModule };
