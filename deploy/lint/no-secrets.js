'use strict';
const YAML = require('yaml');
const { positionOf } = require('./yaml-files');

/**
 * Secrets are referenced, never written down: no Secret object, no kustomize secretGenerator, no password inside
 * a URL, and no value for a secret-looking variable unless it is a ${…} taken from the environment.
 */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|CREDENTIALS?|_KEY)$/i;
const PASSWORD_IN_URL = /[a-z][\w+.-]*:\/\/[^\s/@:]+:(?!\$\{)[^\s@/]+@/i;
const FROM_ENVIRONMENT = /^\$\{[^}]+\}$/;

function checkNoSecrets(parsed) {
  const problems = [];
  for (const document of parsed.documents) {
    const report = (path, message) =>
      problems.push({ file: parsed.name, ...positionOf(parsed, document, path), message, check: 'secrets' });
    const root = document.toJS({ maxAliasCount: -1 });
    if (root?.kind === 'Secret') report(['kind'], 'a Secret is made by the platform\'s secret store, never committed: reference it by name');
    if (root?.kind === 'Kustomization' && root.secretGenerator) report(['secretGenerator'], 'a secretGenerator would put the secret in the repository');
    YAML.visit(document, {
      // `- NAME=value` in a Compose environment list.
      Seq(_, seq) {
        for (const item of seq.items) {
          const [, key, value] = (YAML.isScalar(item) && typeof item.value === 'string' && /^(\w+)=(.*)$/s.exec(item.value)) || [];
          if (key && SECRET_NAME.test(key) && value !== '' && !FROM_ENVIRONMENT.test(value)) {
            const at = parsed.lineCounter.linePos(item.range[0]);
            problems.push({ file: parsed.name, line: at.line, col: at.col, message: `${key} looks like a secret: take it from the environment`, check: 'secrets' });
          }
        }
      },
      Pair(_, pair) {
        if (!YAML.isScalar(pair.value) || typeof pair.value.value !== 'string') return;
        const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value.value;
        const at = pair.value.range ? parsed.lineCounter.linePos(pair.value.range[0]) : { line: 1, col: 1 };
        const flag = (message) => problems.push({ file: parsed.name, line: at.line, col: at.col, message, check: 'secrets' });
        if (PASSWORD_IN_URL.test(value)) flag(`${key} holds a URL with a password: take the password from the environment`);
        else if (SECRET_NAME.test(key) && value !== '' && !FROM_ENVIRONMENT.test(value)) {
          flag(`${key} looks like a secret: take it from the environment, e.g. \${${key}}`);
        }
      },
    });
  }
  return problems;
}

module.exports = { checkNoSecrets };
