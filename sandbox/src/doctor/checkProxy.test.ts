import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NOW,
  tableFetch,
  tutorialConfig,
  type CannedResponse,
} from '../../test/support/doctorFixtures';
import { checkProxy, parseBearerChallenge } from './checkProxy';
import { readSetup } from './readSetup';

const PROXY = 'https://mcp.example.com/mcp';
const METADATA = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
const ISSUER = 'https://idp.example.com/oauth2/default';
const metadata: CannedResponse = {
  json: { resource: PROXY, authorization_servers: [ISSUER], bearer_methods_supported: ['header'] },
};
/** ToolHive's OIDC middleware (pkg/auth/token.go) for a request without a token. */
const TOOLHIVE_401: CannedResponse = {
  status: 401,
  json: { error: 'invalid_request', error_description: 'no authorization header' },
  headers: {
    'www-authenticate': `Bearer realm="${ISSUER}", resource_metadata="${METADATA}", error="invalid_request", error_description="no authorization header"`,
  },
};
/** This project's proxy. */
const SANDBOX_401: CannedResponse = {
  status: 401,
  text: 'Authentication required',
  headers: {
    'content-type': 'text/plain',
    'www-authenticate': `Bearer resource_metadata="${METADATA}"`,
  },
};

const run = (
  table: Record<string, CannedResponse>,
  proxyUrl: string | undefined = PROXY,
  issuer: string | undefined = ISSUER
) =>
  checkProxy({
    proxyUrl,
    fetch: tableFetch(table),
    timeoutMs: 1000,
    now: () => NOW,
    issuer,
    setup: readSetup(tutorialConfig()),
  });

describe('checkProxy', () => {
  it("accepts ToolHive's 401 (realm, error=invalid_request, JSON body)", async () => {
    const check = await run({ [PROXY]: TOOLHIVE_401, [METADATA]: metadata });
    assert.equal(check.status, 'pass', check.message);
    assert.equal(
      check.message,
      `${PROXY} answers 401 with a Bearer challenge, realm ${ISSUER} naming ${METADATA}; the metadata names resource ${PROXY} and authorization server ${ISSUER}`
    );
  });

  it("accepts this project's 401 (plain text, resource_metadata only)", async () => {
    const check = await run({ [PROXY]: SANDBOX_401, [METADATA]: metadata });
    assert.equal(check.status, 'pass', check.message);
  });

  const failures: {
    name: string;
    table: Record<string, CannedResponse>;
    message: RegExp;
    fix: RegExp;
  }[] = [
    {
      name: 'no authentication at all',
      table: { [PROXY]: { status: 200, json: {} } },
      message: /answered 200 to a request without a token: it does not require authentication/,
      fix: /spec.oidcConfigRef/,
    },
    {
      name: 'the wrong path',
      table: { [PROXY]: { status: 404, text: '' } },
      message: /there is no MCP endpoint at this URL/,
      fix: /usually ending in \/mcp/,
    },
    {
      name: 'a 401 without a challenge',
      table: { [PROXY]: { status: 401, text: 'no' } },
      message: /answers 401 without a Bearer challenge/,
      fix: /set spec.oidcConfigRef.resourceUrl: https:\/\/mcp.example.com\/mcp/,
    },
    {
      name: 'a challenge without resource_metadata',
      table: { [PROXY]: { status: 401, headers: { 'www-authenticate': 'Bearer realm="x"' } } },
      message: /has no resource_metadata/,
      fix: /resourceUrl/,
    },
    {
      name: 'metadata that is not served',
      table: { [PROXY]: SANDBOX_401 },
      message: /the challenge names .* but cannot reach/,
      fix: /resourceUrl/,
    },
    {
      name: 'metadata for another resource',
      table: {
        [PROXY]: SANDBOX_401,
        [METADATA]: {
          json: { resource: 'https://other.example.com/mcp', authorization_servers: [ISSUER] },
        },
      },
      message:
        /names the resource "https:\/\/other.example.com\/mcp", not https:\/\/mcp.example.com\/mcp: MCP clients refuse/,
      fix: /set spec.oidcConfigRef.resourceUrl: https:\/\/mcp.example.com\/mcp/,
    },
    {
      name: 'an authorization server other than the token issuer',
      table: {
        [PROXY]: SANDBOX_401,
        [METADATA]: {
          json: { resource: PROXY, authorization_servers: ['https://idp.example.com/'] },
        },
      },
      message: /not this token's iss https:\/\/idp.example.com\/oauth2\/default/,
      fix: /set spec.inline.issuer: https:\/\/idp.example.com\/oauth2\/default in the MCPOIDCConfig/,
    },
    {
      name: 'an unreachable proxy',
      table: {},
      message: /cannot reach https:\/\/mcp.example.com\/mcp: ECONNREFUSED/,
      fix: /Gateway or Ingress/,
    },
  ];
  for (const c of failures) {
    it(`fails ${c.name}`, async () => {
      const check = await run(c.table);
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
    });
  }

  it('accepts metadata for a path prefix of the URL, as MCP clients do', async () => {
    const check = await run({
      [PROXY]: SANDBOX_401,
      [METADATA]: {
        json: { resource: 'https://mcp.example.com/', authorization_servers: [ISSUER] },
      },
    });
    assert.equal(check.status, 'pass', check.message);
  });

  it('skips without --proxy or offline', async () => {
    const none = await checkProxy({
      proxyUrl: undefined,
      fetch: tableFetch({}),
      timeoutMs: 1,
      now: () => NOW,
      issuer: ISSUER,
      setup: readSetup(''),
    });
    assert.match(none.message, /add --proxy URL/);
    const offline = await checkProxy({
      proxyUrl: PROXY,
      fetch: undefined,
      timeoutMs: 1,
      now: () => NOW,
      issuer: ISSUER,
      setup: readSetup(''),
    });
    assert.equal(offline.status, 'skip');
  });

  it('never sends a token', async () => {
    const seen: Headers[] = [];
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers));
      return new Response('', { status: 404 });
    };
    await checkProxy({
      proxyUrl: PROXY,
      fetch: fetch as typeof globalThis.fetch,
      timeoutMs: 1000,
      now: () => NOW,
      issuer: ISSUER,
      setup: readSetup(''),
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.get('authorization'), null);
  });
});

describe('parseBearerChallenge', () => {
  const cases: { header: string; params: Record<string, string> | undefined }[] = [
    { header: 'Bearer', params: {} },
    {
      header: 'Bearer resource_metadata="https://h/x"',
      params: { resource_metadata: 'https://h/x' },
    },
    {
      header: 'bearer realm="a \\"b\\"", error=invalid_token',
      params: { realm: 'a "b"', error: 'invalid_token' },
    },
    { header: 'Basic realm="x", Bearer scope="a b"', params: { scope: 'a b' } },
    { header: 'Basic realm="x"', params: undefined },
  ];
  for (const c of cases) {
    it(c.header, () => assert.deepEqual(parseBearerChallenge(c.header), c.params));
  }
});
