// The structural limits on token JSON: duplicate member names (also when escaped) and depth,
// one table; every accepted case is also valid JSON that JSON.parse would take.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonStructureProblem, MAX_TOKEN_JSON_DEPTH } from './jsonStructure';

const nested = (depth: number): string => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

describe('jsonStructureProblem', () => {
  const cases: { name: string; json: string; problem: RegExp | undefined }[] = [
    {
      name: 'a usual claim set',
      json: '{"sub":"a","groups":["x","y"],"exp":1}',
      problem: undefined,
    },
    { name: 'same name in sibling objects', json: '{"a":{"k":1},"b":{"k":2}}', problem: undefined },
    { name: 'same name in parent and child', json: '{"k":{"k":{"k":1}}}', problem: undefined },
    {
      name: 'names inside string values',
      json: '{"a":"\\"a\\":1,","b":"{\\"a\\""}',
      problem: undefined,
    },
    {
      name: 'duplicate top-level claim',
      json: '{"sub":"alice","sub":"bob"}',
      problem: /duplicate member "sub"/,
    },
    {
      name: 'duplicate after an array',
      json: '{"g":[1,{"x":1}],"x":2,"g":3}',
      problem: /duplicate member "g"/,
    },
    {
      name: 'duplicate in a nested object',
      json: '{"a":[{"r":1,"r":2}]}',
      problem: /duplicate member "r"/,
    },
    {
      name: 'duplicate spelled with an escape',
      json: '{"sub":"a","\\u0073ub":"b"}',
      problem: /duplicate member "sub"/,
    },
    {
      name: 'duplicate header alg',
      json: '{"alg":"RS256","alg":"none"}',
      problem: /duplicate member "alg"/,
    },
    {
      name: `depth ${MAX_TOKEN_JSON_DEPTH}`,
      json: nested(MAX_TOKEN_JSON_DEPTH),
      problem: undefined,
    },
    {
      name: `depth ${MAX_TOKEN_JSON_DEPTH + 1}`,
      json: nested(MAX_TOKEN_JSON_DEPTH + 1),
      problem: /nested deeper than 32 levels/,
    },
    { name: 'depth 10,000', json: nested(10_000), problem: /nested deeper/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      JSON.parse(c.json); // the checker only ever sees text JSON.parse accepted
      const problem = jsonStructureProblem(c.json);
      if (c.problem === undefined) assert.equal(problem, undefined);
      else assert.match(problem ?? '', c.problem);
    });
  }
});
