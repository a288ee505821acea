import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots of each screen, committed for the README, so it always shows the UI as the tests saw it. */
const DOCS_DIR = resolve(__dirname, '../../../docs/screenshots');
/** Screenshots of failures, outside the repository. */
export const FAILURES_DIR = join(tmpdir(), 'kluis-browser-failures');

export async function saveScreen(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_DIR, { recursive: true });
  // The caret, the focus ring and the hover state follow the last click: none belongs in a picture of the screen.
  await page.evaluate('document.activeElement?.blur()');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(DOCS_DIR, `${name}.png`), fullPage: true, caret: 'hide', animations: 'disabled' });
}

/** Runs a step and, when it fails, saves what every open page looked like and names the files in the error. */
export async function screenshotOnFailure(pages: Record<string, Page | undefined>, step: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await mkdir(FAILURES_DIR, { recursive: true });
    const saved: string[] = [];
    for (const [who, page] of Object.entries(pages)) {
      if (!page || page.isClosed()) continue;
      const path = join(FAILURES_DIR, `${step.replace(/\W+/g, '-')}-${who}-${Date.now()}.png`);
      await page.screenshot({ path, fullPage: true }).then(
        () => saved.push(path),
        () => undefined,
      );
    }
    if (error instanceof Error && saved.length > 0) error.message += `\nScreenshots: ${saved.join(', ')}`;
    throw error;
  }
}
