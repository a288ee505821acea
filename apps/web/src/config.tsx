import { createContext, useContext } from 'react';
import type { DocumentType, UiConfig, UiDocumentType } from './api/types';

export const ConfigContext = createContext<UiConfig | null>(null);

export function useUiConfig(): UiConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useUiConfig needs the configuration loaded');
  return config;
}

export function useDocumentType(type: DocumentType): UiDocumentType | undefined {
  return useUiConfig().documentTypes.find((candidate) => candidate.type === type);
}
