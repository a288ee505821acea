'use strict';
const { join } = require('node:path');
const ts = require('typescript');
const { modelModule } = require('./kubernetes-schema');
const { positionOf } = require('./yaml-files');

/**
 * The Kubernetes schemas allow any extra key, and the API server drops (or, with strict field validation,
 * refuses) a key it does not know: a misspelt `readinesProbe` would pass the schema and never probe. The models'
 * TypeScript types list every key of every object, so each manifest is walked along its kind's type and every key
 * the type does not have is reported.
 */
function checkUnknownFields(entries, root) {
  const kinds = new Map();
  for (const entry of entries) {
    const model = modelModule(entry.manifest?.apiVersion, entry.manifest?.kind);
    if (model) kinds.set(model.typesFile, model);
  }
  if (kinds.size === 0) return [];

  const { checker, source, diagnostics } = compileTypes(root, [...kinds.values()]);
  const problems = diagnostics.map((diagnostic) => ({
    file: '(kubernetes-models types)',
    line: 1,
    col: 1,
    message: `the types could not be loaded: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
    check: 'k8s:fields',
  }));
  if (problems.length > 0) return problems;

  const typeOfKind = new Map();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) typeOfKind.set(statement.name.text, checker.getTypeAtLocation(statement.name));
  }
  for (const entry of entries) {
    const model = modelModule(entry.manifest?.apiVersion, entry.manifest?.kind);
    if (!model) continue;
    walk(checker, typeOfKind.get(aliasOf(model)), entry.manifest, [], (path, message) =>
      problems.push({ file: entry.parsed.name, ...positionOf(entry.parsed, entry.document, path), message, check: 'k8s:fields' }),
    );
  }
  return problems;
}

const aliasOf = (model) => `${model.typeName}_${model.typesFile.replace(/\W/g, '_')}`;

/** One in-memory module that names each kind's type, type-checked against kubernetes-models' declarations. */
function compileTypes(root, models) {
  const name = join(root, '.kubernetes-kinds.ts');
  const text = models
    .map((model) => `export type ${aliasOf(model)} = import(${JSON.stringify(model.typesFile.replace(/\.d\.ts$/, ''))}).${model.typeName};`)
    .join('\n');
  const options = { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => file === name || fileExists.call(host, file);
  host.readFile = (file) => (file === name ? text : readFile.call(host, file));
  host.getSourceFile = (file, ...rest) => (file === name ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true) : getSourceFile.call(host, file, ...rest));
  const program = ts.createProgram([name], options, host);
  const source = program.getSourceFile(name);
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  return { checker: program.getTypeChecker(), source, diagnostics };
}

function walk(checker, type, value, path, report) {
  if (!type || value === null || typeof value !== 'object') return;
  const objectType = objectPart(checker, type);
  if (!objectType) return;
  if (Array.isArray(value)) {
    const element = checker.getIndexTypeOfType(objectType, ts.IndexKind.Number);
    value.forEach((item, index) => walk(checker, element, item, [...path, index], report));
    return;
  }
  // A map such as labels or resources.limits: any key, values of one type.
  const mapValue = checker.getIndexTypeOfType(objectType, ts.IndexKind.String);
  for (const [key, child] of Object.entries(value)) {
    const property = checker.getPropertyOfType(objectType, key);
    if (property) {
      walk(checker, checker.getTypeOfSymbol(property), child, [...path, key], report);
    } else if (mapValue) {
      walk(checker, mapValue, child, [...path, key], report);
    } else {
      const known = checker.getPropertiesOfType(objectType).map((symbol) => symbol.name);
      const close = known.find((name) => distance(name, key) <= 2);
      report([...path, key], `${[...path, key].join('.')}: unknown key "${key}"${close ? `, did you mean "${close}"?` : ''}`);
    }
  }
}

/** The object type a value must have, leaving out undefined and the primitive members of a union (IntOrString). */
function objectPart(checker, type) {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  const candidates = (type.isUnion() ? type.types : [checker.getNonNullableType(type)]).filter((member) => member.flags & ts.TypeFlags.Object);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

module.exports = { checkUnknownFields };
