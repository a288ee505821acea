import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { GLOBAL_PROBLEM_RESPONSES } from '../global-problem-responses';
import { normalizeOpenApi } from './openapi-normalizer';

/** The REST contract as the running vault serves it at /docs-json, with `servers` naming where it is reached. */
export function buildOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Kluis')
    .setDescription('The document vault: upload once, verify once, rely on it everywhere.')
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse(...GLOBAL_PROBLEM_RESPONSES)
    .build();
  return normalizeOpenApi(SwaggerModule.createDocument(app, builder), publicUrl);
}
