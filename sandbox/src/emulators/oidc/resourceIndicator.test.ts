import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audienceForResource, resourceIndicatorFor } from './resourceIndicator';

describe('resource indicators', () => {
  const cases: [string, string][] = [
    ['toolhive-aws', 'urn:toolhive:audience:toolhive-aws'],
    ['api://toolhive', 'api://toolhive'],
    ['https://mcp.example.com', 'https://mcp.example.com'],
    ['my api', 'urn:toolhive:audience:my%20api'],
  ];
  for (const [audience, resource] of cases) {
    it(`${audience} ↔ ${resource}`, () => {
      assert.equal(resourceIndicatorFor(audience), resource);
      assert.equal(audienceForResource(resource), audience);
    });
  }
});
