import { DEFAULT_DEPARTMENT_POLICIES, type DepartmentPolicies, DepartmentPoliciesError, parseDepartmentPolicies } from '@kluis/auth';
import { CatalogueError, DEFAULT_CATALOGUE, type DocumentTypeCatalogue, parseCatalogue } from '@kluis/document-domain';
import { ConfigError } from './config-error';
import { readJsonFile } from './json-file';

/** VAULT_DOCUMENT_TYPES_FILE: settings per document type over the built-in catalogue. */
export function loadCatalogue(file: string | undefined): DocumentTypeCatalogue {
  if (!file) return DEFAULT_CATALOGUE;
  try {
    return parseCatalogue(readJsonFile(file, 'VAULT_DOCUMENT_TYPES_FILE'));
  } catch (error) {
    if (error instanceof CatalogueError) throw new ConfigError(`VAULT_DOCUMENT_TYPES_FILE: ${error.problems.join('; ')}`);
    throw error;
  }
}

/** VAULT_DEPARTMENTS_FILE: the complete set of department policies, replacing the built-in one. */
export function loadDepartments(file: string | undefined): DepartmentPolicies {
  if (!file) return DEFAULT_DEPARTMENT_POLICIES;
  try {
    return parseDepartmentPolicies(readJsonFile(file, 'VAULT_DEPARTMENTS_FILE'));
  } catch (error) {
    if (error instanceof DepartmentPoliciesError) throw new ConfigError(`VAULT_DEPARTMENTS_FILE: ${error.problems.join('; ')}`);
    throw error;
  }
}
