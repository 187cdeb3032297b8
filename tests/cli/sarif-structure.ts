/**
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that our log uses,
 * written out as a JSON Schema: required properties, enumerations and minimums as the
 * standard defines them. No npm package ships the official schema for offline use (the one
 * that validates SARIF, @microsoft/jest-sarif, downloads it at run time), so the test checks
 * against this subset.
 */
const message = { type: 'object', required: ['text'], properties: { text: { type: 'string' }, markdown: { type: 'string' } } };
const level = { enum: ['none', 'note', 'warning', 'error'] };
const artifactLocation = { type: 'object', required: ['uri'], properties: { uri: { type: 'string', format: 'uri-reference', minLength: 1 } } };
const region = {
  type: 'object',
  required: ['startLine'],
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    snippet: { type: 'object', properties: { text: { type: 'string' } } },
  },
};
const location = {
  type: 'object',
  properties: {
    physicalLocation: { type: 'object', required: ['artifactLocation'], properties: { artifactLocation, region } },
    logicalLocations: {
      type: 'array',
      minItems: 0,
      uniqueItems: true,
      items: { type: 'object', properties: { name: { type: 'string' }, fullyQualifiedName: { type: 'string' }, kind: { type: 'string' } } },
    },
    properties: { type: 'object' },
  },
};
const reportingDescriptor = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    shortDescription: message,
    fullDescription: message,
    help: message,
    helpUri: { type: 'string', format: 'uri' },
    defaultConfiguration: { type: 'object', properties: { enabled: { type: 'boolean' }, level } },
    properties: { type: 'object' },
  },
};

export const SARIF_STRUCTURE = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: { type: 'array', uniqueItems: true, items: reportingDescriptor },
                },
              },
            },
          },
          invocations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['executionSuccessful'],
              properties: {
                executionSuccessful: { type: 'boolean' },
                toolExecutionNotifications: {
                  type: 'array',
                  items: { type: 'object', required: ['message'], properties: { message, level, locations: { type: 'array', items: location } } },
                },
              },
            },
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level,
                message,
                locations: { type: 'array', items: location },
                properties: { type: 'object' },
              },
            },
          },
          properties: { type: 'object' },
        },
      },
    },
  },
};
