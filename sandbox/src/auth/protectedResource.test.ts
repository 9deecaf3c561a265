// RFC 9728 metadata: where it is served for a resource with and without a path (§3.1), and
// the document's fields and validation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsStsError } from '../errors';
import {
  protectedResourceMetadata,
  protectedResourceMetadataPaths,
  protectedResourceMetadataUrl,
} from './protectedResource';
import type { ProtectedResourceMetadataInput } from './protectedResource';

const ISSUER = 'https://dev-123456.okta.com/oauth2/default';

const locations: { resource: string; url: string; paths: string[] }[] = [
  {
    resource: 'https://mcp.example.com/mcp',
    url: 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
    paths: ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource'],
  },
  {
    resource: 'https://mcp.example.com',
    url: 'https://mcp.example.com/.well-known/oauth-protected-resource',
    paths: ['/.well-known/oauth-protected-resource'],
  },
  {
    resource: 'https://mcp.example.com/',
    url: 'https://mcp.example.com/.well-known/oauth-protected-resource',
    paths: ['/.well-known/oauth-protected-resource'],
  },
  {
    resource: 'https://mcp.example.com:8443/tenants/a/mcp',
    url: 'https://mcp.example.com:8443/.well-known/oauth-protected-resource/tenants/a/mcp',
    paths: [
      '/.well-known/oauth-protected-resource/tenants/a/mcp',
      '/.well-known/oauth-protected-resource',
    ],
  },
  {
    resource: 'http://127.0.0.1:8080/mcp',
    url: 'http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp',
    paths: ['/.well-known/oauth-protected-resource/mcp', '/.well-known/oauth-protected-resource'],
  },
];

for (const c of locations) {
  test(`metadata location of ${c.resource}`, () => {
    assert.equal(protectedResourceMetadataUrl(c.resource), c.url);
    assert.deepEqual(protectedResourceMetadataPaths(c.resource), c.paths);
  });
}

const documents: {
  name: string;
  input: ProtectedResourceMetadataInput;
  expect: Record<string, unknown> | { invalid: string };
}[] = [
  {
    name: 'minimal document defaults to header bearer method',
    input: { resource: 'https://mcp.example.com/mcp', authorizationServers: [ISSUER] },
    expect: {
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: [ISSUER],
      bearer_methods_supported: ['header'],
    },
  },
  {
    name: 'scopes, name and documentation',
    input: {
      resource: 'https://mcp.example.com/mcp',
      authorizationServers: [ISSUER],
      scopesSupported: ['openid', 'mcp:tools'],
      resourceName: 'AWS MCP via ToolHive',
      resourceDocumentation: 'https://docs.example.com/aws-sts',
    },
    expect: {
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: [ISSUER],
      bearer_methods_supported: ['header'],
      scopes_supported: ['openid', 'mcp:tools'],
      resource_name: 'AWS MCP via ToolHive',
      resource_documentation: 'https://docs.example.com/aws-sts',
    },
  },
  {
    name: 'resource kept verbatim (clients compare it to the URL they used)',
    input: { resource: 'https://mcp.example.com', authorizationServers: [ISSUER] },
    expect: {
      resource: 'https://mcp.example.com',
      authorization_servers: [ISSUER],
      bearer_methods_supported: ['header'],
    },
  },
  {
    name: 'no authorization server',
    input: { resource: 'https://mcp.example.com/mcp', authorizationServers: [] },
    expect: { invalid: 'authorizationServers' },
  },
  {
    name: 'authorization server over plain http',
    input: {
      resource: 'https://mcp.example.com/mcp',
      authorizationServers: ['http://idp.example.com'],
    },
    expect: { invalid: 'authorizationServers[0]' },
  },
  {
    name: 'resource with a fragment',
    input: { resource: 'https://mcp.example.com/mcp#x', authorizationServers: [ISSUER] },
    expect: { invalid: 'resource' },
  },
  {
    name: 'resource with a query',
    input: { resource: 'https://mcp.example.com/mcp?a=1', authorizationServers: [ISSUER] },
    expect: { invalid: 'resource' },
  },
  {
    name: 'resource over plain http on a public host',
    input: { resource: 'http://mcp.example.com/mcp', authorizationServers: [ISSUER] },
    expect: { invalid: 'resource' },
  },
  {
    name: 'scope with a space',
    input: {
      resource: 'https://mcp.example.com/mcp',
      authorizationServers: [ISSUER],
      scopesSupported: ['a b'],
    },
    expect: { invalid: 'scopesSupported' },
  },
  {
    name: 'unknown bearer method',
    input: {
      resource: 'https://mcp.example.com/mcp',
      authorizationServers: [ISSUER],
      bearerMethodsSupported: ['cookie' as 'header'],
    },
    expect: { invalid: 'bearerMethodsSupported' },
  },
];

for (const c of documents) {
  test(`protectedResourceMetadata: ${c.name}`, () => {
    if ('invalid' in c.expect) {
      const path = c.expect.invalid;
      assert.throws(
        () => protectedResourceMetadata(c.input),
        (error: unknown) =>
          error instanceof AwsStsError && error.code === 'INVALID_CONFIG' && error.path === path
      );
      return;
    }
    const document = protectedResourceMetadata(c.input);
    assert.deepEqual(JSON.parse(JSON.stringify(document)), c.expect);
  });
}
