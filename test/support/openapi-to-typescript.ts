/** The parts of an OpenAPI 3.0 schema the vault's document uses. */
export interface Schema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Schema | boolean;
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly $ref?: string;
}

const REF = '#/components/schemas/';

function typeOf(schema: Schema, indent: string): string {
  const type = baseTypeOf(schema, indent);
  return schema.nullable ? `${type} | null` : type;
}

function baseTypeOf(schema: Schema, indent: string): string {
  if (schema.$ref) return schema.$ref.slice(REF.length);
  if (schema.allOf) return schema.allOf.map((part) => baseTypeOf(part, indent)).join(' & ');
  if (schema.enum) return schema.enum.map((value) => (typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value))).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const items = typeOf(schema.items ?? {}, indent);
      return /^[\w<>, ]+$/.test(items) ? `readonly ${items}[]` : `readonly (${items})[]`;
    }
    case 'object':
      return objectOf(schema, indent);
    default:
      return 'unknown';
  }
}

function objectOf(schema: Schema, indent: string): string {
  if (!schema.properties) {
    const values = typeof schema.additionalProperties === 'object' ? typeOf(schema.additionalProperties, indent) : 'unknown';
    return `Readonly<Record<string, ${values}>>`;
  }
  const inner = `${indent}  `;
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties).flatMap(([name, property]) => [
    ...(property.description ? [`${inner}/** ${property.description.replace(/\*\//g, '*\\/')} */`] : []),
    `${inner}readonly ${name}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)};`,
  ]);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * The TypeScript declarations of every schema in an OpenAPI document, one exported type per schema, named as the
 * document names it. Deterministic: the same document gives the same text, so a test can tell a stale copy.
 */
export function openApiToTypeScript(schemas: Readonly<Record<string, Schema>>, header: string): string {
  const declarations = Object.keys(schemas)
    .sort()
    .map((name) => `export type ${name} = ${typeOf(schemas[name], '')};`);
  return `${header}\n\n${declarations.join('\n\n')}\n`;
}
