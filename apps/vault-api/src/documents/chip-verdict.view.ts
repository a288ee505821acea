import type { Assurance, DocumentOnFile } from '@kluis/document-domain';
import type { Viewer } from '../shared/access/viewer';

/** How strongly a verified document proves what it says; null while it is not verified. */
export function assuranceOf(state: DocumentOnFile): Assurance | null {
  if (state.status !== 'verified') return null;
  return state.chip?.passed ? 'chip' : 'review';
}

/**
 * A chip reading's passive authentication, step by step, for the customer and reviewers. Departments get the
 * assurance and the facts, not how the chip was checked.
 */
export function chipVerdictView(state: DocumentOnFile, viewer: Viewer) {
  if (!state.chip || viewer === 'department') return null;
  const { passed, failureCode, steps, signedAt, documentSigner, csca, chipAuthentication, holderCheck, facts } = state.chip;
  return { passed, failureCode, steps, signedAt, documentSigner, csca, chipAuthentication, holderCheck, facts };
}
