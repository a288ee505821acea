import { DEFAULT_DEPARTMENT_POLICIES, type DepartmentPolicies, DepartmentPoliciesError, parseDepartmentPolicies } from '@kluis/auth';
import { CatalogueError, DEFAULT_CATALOGUE, type DocumentTypeCatalogue, parseCatalogue } from '@kluis/document-domain';
import { ConfigError } from './config-error';
import { readJsonFile } from './json-file';

type RulesError = typeof CatalogueError | typeof DepartmentPoliciesError;

/** A JSON rules file a variable names, parsed by its library; each problem the library finds is named in the error. */
function rulesFile<T>(file: string | undefined, variable: string, fallback: T, parse: (input: unknown) => T, problem: RulesError): T {
  if (!file) return fallback;
  try {
    return parse(readJsonFile(file, variable));
  } catch (error) {
    if (error instanceof problem) throw new ConfigError(`${variable}: ${error.problems.join('; ')}`);
    throw error;
  }
}

/** VAULT_DOCUMENT_TYPES_FILE: settings per document type over the built-in catalogue. */
export const loadCatalogue = (file: string | undefined): DocumentTypeCatalogue =>
  rulesFile(file, 'VAULT_DOCUMENT_TYPES_FILE', DEFAULT_CATALOGUE, parseCatalogue, CatalogueError);

/** VAULT_DEPARTMENTS_FILE: the complete set of department policies, replacing the built-in one. */
export const loadDepartments = (file: string | undefined): DepartmentPolicies =>
  rulesFile(file, 'VAULT_DEPARTMENTS_FILE', DEFAULT_DEPARTMENT_POLICIES, parseDepartmentPolicies, DepartmentPoliciesError);
