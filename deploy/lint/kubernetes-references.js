'use strict';
const { positionOf } = require('./yaml-files');

/**
 * What the schemas cannot see because it spans fields or objects: a Deployment whose selector misses its own pods
 * (the API server refuses it), a Service, PodDisruptionBudget or NetworkPolicy that selects no pod of this
 * deployment (it would silently protect or route nothing), and a probe naming a port the container does not have.
 */
function checkReferences(entries) {
  const problems = [];
  const report = (entry, path, message) =>
    problems.push({ file: entry.parsed.name, ...positionOf(entry.parsed, entry.document, path), message, check: 'k8s:references' });

  const templates = entries.filter((entry) => isWorkload(entry.manifest));
  const podLabels = templates.map((entry) => entry.manifest.spec?.template?.metadata?.labels ?? {});

  for (const entry of templates) {
    const { spec } = entry.manifest;
    const labels = spec?.template?.metadata?.labels ?? {};
    if (!matches(spec?.selector?.matchLabels ?? {}, labels)) {
      report(entry, ['spec', 'selector', 'matchLabels'], 'the selector does not match the pod template\'s labels');
    }
    (spec?.template?.spec?.containers ?? []).forEach((container, index) => {
      const names = new Set((container.ports ?? []).map((port) => port.name).filter(Boolean));
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        const port = container[probe]?.httpGet?.port ?? container[probe]?.tcpSocket?.port;
        if (typeof port === 'string' && !names.has(port)) {
          const kind = container[probe].httpGet ? 'httpGet' : 'tcpSocket';
          report(entry, ['spec', 'template', 'spec', 'containers', index, probe, kind, 'port'], `${probe} names port "${port}", which container "${container.name}" does not declare`);
        }
      }
    });
  }

  const selectorOf = {
    Service: (manifest) => ({ labels: manifest.spec?.selector, path: ['spec', 'selector'] }),
    PodDisruptionBudget: (manifest) => ({ labels: manifest.spec?.selector?.matchLabels, path: ['spec', 'selector'] }),
    NetworkPolicy: (manifest) => ({ labels: manifest.spec?.podSelector?.matchLabels, path: ['spec', 'podSelector'] }),
  };
  for (const entry of entries) {
    const select = selectorOf[entry.manifest?.kind];
    if (!select) continue;
    const { labels, path } = select(entry.manifest);
    if (!labels || Object.keys(labels).length === 0) {
      if (entry.manifest.kind !== 'NetworkPolicy') report(entry, path, `the ${entry.manifest.kind} selects no pods`);
      continue;
    }
    if (!podLabels.some((pod) => matches(labels, pod))) {
      report(entry, path, `the ${entry.manifest.kind}'s selector matches no pod template in this deployment`);
    }
  }
  return problems;
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
const isWorkload = (manifest) => WORKLOADS.has(manifest?.kind);
const matches = (selector, labels) => Object.entries(selector).every(([key, value]) => labels[key] === value);

module.exports = { checkReferences };
