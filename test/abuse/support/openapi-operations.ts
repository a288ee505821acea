import type { VaultUnderTest } from '../../support/vault-harness';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface SchemaObject {
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly items?: SchemaObject;
  readonly allOf?: readonly SchemaObject[];
  readonly $ref?: string;
  readonly example?: unknown;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: SchemaObject;
}

export interface Operation {
  readonly method: HttpMethod;
  /** The OpenAPI path template, e.g. `/v1/documents/{documentId}`. */
  readonly path: string;
  /** `GET /v1/documents/{documentId}`: how the expectation tables name an operation. */
  readonly key: string;
  readonly parameters: readonly Parameter[];
  readonly bodyMediaTypes: readonly string[];
  readonly bodySchema?: SchemaObject;
  readonly secured: boolean;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, RawOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> };
}

interface RawOperation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: SchemaObject }>> };
  readonly security?: readonly unknown[];
}

/**
 * Paths that are no part of the customer-data API, so authorization abuse does not apply to them: the OpenAPI
 * document and its UI, liveness and readiness, Prometheus metrics, the UI's public configuration and the static UI are
 * public by design and hold no customer data; `/dev/*` is dev-mode sign-in, which production never serves.
 */
const OUT_OF_SCOPE = [/^\/docs/, /^\/health/, /^\/metrics$/, /^\/ui-config$/, /^\/dev\//];

export const isOutOfScope = (path: string) => OUT_OF_SCOPE.some((pattern) => pattern.test(path)) || !path.startsWith('/v1/');

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** The operations the vault serves, read from its own OpenAPI document, so a new endpoint is covered the day it appears. */
export async function servedOperations(vault: VaultUnderTest): Promise<{ document: OpenApiDocument; operations: Operation[] }> {
  const response = await vault.http().get('/docs-json').expect(200);
  const document = response.body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    if (isOutOfScope(path)) continue;
    for (const method of METHODS) {
      const raw = byMethod[method];
      if (!raw) continue;
      const content = raw.requestBody?.content ?? {};
      const bodyMediaTypes = Object.keys(content);
      operations.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: uniqueParameters(raw.parameters ?? []),
        bodyMediaTypes,
        bodySchema: bodyMediaTypes.length > 0 ? content[bodyMediaTypes[0]].schema : undefined,
        secured: (raw.security ?? []).length > 0,
      });
    }
  }
  return { document, operations };
}

// Nest's generator lists a header once per spelling it was declared with (`If-Match` and `if-match`): HTTP headers are one.
function uniqueParameters(parameters: readonly Parameter[]): Parameter[] {
  const seen = new Set<string>();
  return parameters.filter((parameter) => {
    const id = `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A schema with its `$ref`s and single `allOf` wrappers followed. */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(document, document.components?.schemas?.[name]);
  }
  if (schema.allOf && schema.allOf.length === 1) return resolveSchema(document, schema.allOf[0]);
  return schema;
}

export const fillPath = (template: string, values: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for path parameter ${name} in ${template}`);
    return encodeURIComponent(values[name]);
  });
