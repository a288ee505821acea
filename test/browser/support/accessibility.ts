import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page and fails on serious or critical violations, naming each rule and where it broke.
 * The script is evaluated through the DevTools protocol, so the page's own security policy stays in force.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  // A string, because this runs in the page, where `axe` and `document` live.
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((results) =>
    results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) })))`)) as Violation[];
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  expect({ screen, violations: report }).toEqual({ screen, violations: [] });
}
