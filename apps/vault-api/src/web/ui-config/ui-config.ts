import type { AuthConfig } from '@kluis/auth';
import type { DocumentType, DocumentTypeCatalogue, FactName } from '@kluis/document-domain';

export interface UiDocumentType {
  readonly type: DocumentType;
  readonly fourEyes: boolean;
  readonly mrz: 'TD3' | 'TD1-or-TD2' | null;
  readonly requiredFacts: readonly FactName[];
}

/** What the browser UI must know before anyone signs in. Nothing here is secret. */
export interface UiConfig {
  readonly authMode: AuthConfig['mode'];
  readonly oidc: { readonly issuer: string; readonly clientId: string | null; readonly audience: string } | null;
  readonly maxUploadBytes: number;
  readonly documentTypes: readonly UiDocumentType[];
}

export function uiConfigOf(auth: AuthConfig, oidcClientId: string | null, maxUploadBytes: number, catalogue: DocumentTypeCatalogue): UiConfig {
  return {
    authMode: auth.mode,
    oidc: auth.mode === 'oidc' ? { issuer: auth.issuer, clientId: oidcClientId, audience: auth.audience } : null,
    maxUploadBytes,
    documentTypes: (Object.keys(catalogue) as DocumentType[]).map((type) => ({
      type,
      fourEyes: catalogue[type].fourEyes,
      mrz: catalogue[type].mrz,
      requiredFacts: catalogue[type].requiredFacts,
    })),
  };
}
