import { openApiToTypeScript } from './openapi-to-typescript';

describe('types from an OpenAPI document', () => {
  it('declares each schema as a read-only type, optional where the document does not require a property', () => {
    const text = openApiToTypeScript(
      {
        Page: {
          type: 'object',
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
            next: { type: 'number', nullable: true, description: 'Pass as ?before= for older items' },
          },
          required: ['items'],
        },
        Item: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['open', "it's done"] },
            claim: { nullable: true, allOf: [{ $ref: '#/components/schemas/Claim' }] },
            facts: { type: 'object', additionalProperties: { type: 'string' } },
            tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
          },
          required: ['status', 'claim', 'facts', 'tags'],
        },
      },
      '// header',
    );
    expect(text).toBe(`// header

export type Item = {
  readonly status: 'open' | 'it\\'s done';
  readonly claim: Claim | null;
  readonly facts: Readonly<Record<string, string>>;
  readonly tags: readonly ('a' | 'b')[];
};

export type Page = {
  readonly items: readonly Item[];
  /** Pass as ?before= for older items */
  readonly next?: number | null;
};
`);
  });
});
