import type { Principal } from '@kluis/auth';
import { type DocumentState, isOnFile } from '@kluis/document-domain';
import type { Response } from 'express';
import { viewerOf } from '../shared/access/viewer';
import { setEtag } from '../shared/http/etag';
import { notFound } from '../shared/http/problem.exception';
import { documentView, type DocumentView } from './document.view';

/** What a person is answered after changing a document: the document as it now stands, with its revision as ETag. */
export function documentAnswer(response: Response, outcome: { readonly state: DocumentState; readonly revision: number }, principal: Principal): DocumentView {
  if (!isOnFile(outcome.state)) throw notFound();
  setEtag(response, outcome.revision);
  return documentView(outcome.state, outcome.revision, viewerOf(principal, outcome.state.customerId));
}
