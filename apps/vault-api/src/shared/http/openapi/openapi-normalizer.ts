import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { SECURED_PROBLEM_RESPONSES, standardProblemDescription } from './standard-problems';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: unknown };
type Response = { description?: string; content?: Record<string, { schema?: unknown }>; headers?: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const PROBLEM_REF = '#/components/schemas/ProblemResponse';

/**
 * Makes the generated document say what the vault does, in the terms client generators read. Nest's generator
 * declares a header twice when a handler both reads it and documents it, files errors under application/json and
 * leaves public routes without a security entry; these fixes apply to every route, so a new controller cannot
 * bring the mistakes back.
 */
export function normalizeOpenApi(document: OpenAPIObject, publicUrl: string): OpenAPIObject {
  document.servers = [{ url: publicUrl.replace(/\/+$/, ''), description: 'This vault' }];
  document.info.license = { name: 'Proprietary' };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) normalizeOperation(operation);
    }
  }
  for (const schema of Object.values(document.components?.schemas ?? {})) typeNullableReferences(schema);
  return document;
}

function normalizeOperation(operation: Operation): void {
  operation.parameters = headersOnce((operation.parameters ?? []) as Parameter[]) as Operation['parameters'];
  // An operation without a security entry is one the bearer guard lets through: say so rather than leave it unsaid.
  const secured = (operation.security ?? []).length > 0;
  if (!secured) operation.security = [];
  const responses = operation.responses as Record<string, Response>;
  if (secured) for (const status of SECURED_PROBLEM_RESPONSES) responses[status] ??= problemResponse(status);
  for (const [status, response] of Object.entries(responses)) {
    serveProblemsAsProblemJson(response);
    response.description ||= standardProblemDescription(status) ?? '';
    for (const header of Object.values(response.headers ?? {})) if (!('schema' in header) && !('content' in header)) header.schema = { type: 'string' };
  }
}

/** The documented declaration wins over the one Nest derives from the handler's own @Headers argument. */
function headersOnce(parameters: Parameter[]): Parameter[] {
  const documented = new Set(parameters.filter((p) => p.in === 'header' && p.description).map((p) => p.name.toLowerCase()));
  const seen = new Set<string>();
  return parameters.filter((parameter) => {
    if (parameter.in !== 'header') return true;
    const name = parameter.name.toLowerCase();
    if (documented.has(name) && !parameter.description) return false;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/** A problem is served as problem+json whatever the route produces when it succeeds (a PDF, a CSV). */
function serveProblemsAsProblemJson(response: Response): void {
  const problem = Object.values(response.content ?? {}).find((media) => (media.schema as { $ref?: string } | undefined)?.$ref === PROBLEM_REF);
  if (problem) response.content = { [PROBLEM_CONTENT_TYPE]: problem };
}

function problemResponse(status: string): Response {
  return { description: standardProblemDescription(status), content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: PROBLEM_REF } } } };
}

/** OpenAPI 3.0 reads `nullable` only next to a `type`; a nullable reference to an object schema gets its type. */
function typeNullableReferences(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (node.nullable === true && node.type === undefined && Array.isArray(node.allOf)) node.type = 'object';
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(typeNullableReferences);
    else typeNullableReferences(value);
  }
}
