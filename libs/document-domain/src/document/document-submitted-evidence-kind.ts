import { DEFAULT_CATALOGUE } from '../document-type-catalogue';
import { isDocumentType } from '../document-type';
import type { EventData, Upcaster } from '../upcasting/upcaster-chain';

/**
 * DocumentSubmitted v1 predates evidence kinds: it names the document type only. v2 records the evidence kind the
 * catalogue gave that type. A v1 document arrived under the built-in catalogue, so that is the one asked.
 */
export const documentSubmittedV1ToV2: Upcaster = (data: EventData) => {
  // Events written while the field was being introduced carry it at v1 already; what they say stands.
  if (data.evidenceKind !== undefined) return { ...data };
  const type = data.type;
  return { ...data, evidenceKind: isDocumentType(type) ? DEFAULT_CATALOGUE[type].evidenceKind : null };
};
