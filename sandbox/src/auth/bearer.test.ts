// Authorization header parsing: which values yield a token, MISSING_TOKEN or INVALID_TOKEN.
// RFC 6750 §2.1 (b64token) and RFC 7235 (case-insensitive scheme).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractBearerToken } from './bearer';
import { TokenError } from './tokenError';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';

const cases: {
  name: string;
  header: string | string[] | null | undefined;
  expect: { token: string } | { code: 'MISSING_TOKEN' | 'INVALID_TOKEN' };
}[] = [
  { name: 'Bearer token', header: `Bearer ${JWT}`, expect: { token: JWT } },
  { name: 'lowercase scheme', header: `bearer ${JWT}`, expect: { token: JWT } },
  { name: 'uppercase scheme', header: `BEARER ${JWT}`, expect: { token: JWT } },
  { name: 'several spaces after the scheme', header: `Bearer   ${JWT}`, expect: { token: JWT } },
  { name: 'surrounding whitespace', header: `  Bearer ${JWT}  `, expect: { token: JWT } },
  {
    name: 'b64token with padding',
    header: 'Bearer abc+/~.-_def==',
    expect: { token: 'abc+/~.-_def==' },
  },
  { name: 'one header in an array', header: [`Bearer ${JWT}`], expect: { token: JWT } },
  { name: 'no header', header: undefined, expect: { code: 'MISSING_TOKEN' } },
  { name: 'null (fetch Headers.get)', header: null, expect: { code: 'MISSING_TOKEN' } },
  { name: 'empty header', header: '', expect: { code: 'MISSING_TOKEN' } },
  { name: 'whitespace only', header: '   ', expect: { code: 'MISSING_TOKEN' } },
  { name: 'empty array', header: [], expect: { code: 'MISSING_TOKEN' } },
  { name: 'Basic scheme', header: 'Basic dXNlcjpwYXNz', expect: { code: 'MISSING_TOKEN' } },
  { name: 'scheme glued to the token', header: `Bearer${JWT}`, expect: { code: 'MISSING_TOKEN' } },
  { name: 'token without a scheme', header: JWT, expect: { code: 'MISSING_TOKEN' } },
  { name: 'Bearer without a token', header: 'Bearer', expect: { code: 'INVALID_TOKEN' } },
  { name: 'Bearer and spaces', header: 'Bearer    ', expect: { code: 'INVALID_TOKEN' } },
  { name: 'two tokens', header: `Bearer ${JWT} ${JWT}`, expect: { code: 'INVALID_TOKEN' } },
  { name: 'two challenges', header: `Bearer ${JWT}, Basic x`, expect: { code: 'INVALID_TOKEN' } },
  { name: 'quoted token', header: `Bearer "${JWT}"`, expect: { code: 'INVALID_TOKEN' } },
  { name: 'padding in the middle', header: 'Bearer ab=cd', expect: { code: 'INVALID_TOKEN' } },
  { name: 'non-ASCII', header: 'Bearer tökén', expect: { code: 'INVALID_TOKEN' } },
  {
    name: 'two Authorization headers',
    header: [`Bearer ${JWT}`, `Bearer ${JWT}`],
    expect: { code: 'INVALID_TOKEN' },
  },
];

for (const c of cases) {
  test(`extractBearerToken: ${c.name}`, () => {
    if ('token' in c.expect) {
      assert.equal(extractBearerToken(c.header), c.expect.token);
      return;
    }
    const expected = c.expect.code;
    assert.throws(
      () => extractBearerToken(c.header),
      (error: unknown) =>
        error instanceof TokenError &&
        error.code === expected &&
        error.reason === (expected === 'MISSING_TOKEN' ? 'missing' : 'malformed') &&
        !error.message.includes(JWT)
    );
  });
}
