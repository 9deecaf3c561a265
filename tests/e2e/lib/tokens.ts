// Tokens for pasting into the page: shaped like a JWT, never verified by anything in the tests.

/** An unsigned compact JWT (RS256 header, a dummy signature) with the given payload. */
export function fakeJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'test' })}.${part(payload)}.c2lnbmF0dXJl`;
}
