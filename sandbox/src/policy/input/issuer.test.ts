// Issuer normalisation: what IAM registers and how the provider path is spelled, per IdP, and
// every form IAM refuses.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeIssuer, oidcProviderArn } from './issuer';

describe('normalizeIssuer', () => {
  const accepted: {
    name: string;
    typed: string;
    issuer: string;
    providerPath: string;
    note: boolean;
  }[] = [
    {
      name: 'Okta, typed without https://',
      typed: 'dev-123456.okta.com/oauth2/default',
      issuer: 'https://dev-123456.okta.com/oauth2/default',
      providerPath: 'dev-123456.okta.com/oauth2/default',
      note: true,
    },
    {
      name: 'Okta, full URL',
      typed: 'https://dev-123456.okta.com/oauth2/default',
      issuer: 'https://dev-123456.okta.com/oauth2/default',
      providerPath: 'dev-123456.okta.com/oauth2/default',
      note: false,
    },
    {
      name: 'Auth0 keeps its trailing slash',
      typed: 'https://my-tenant.us.auth0.com/',
      issuer: 'https://my-tenant.us.auth0.com/',
      providerPath: 'my-tenant.us.auth0.com/',
      note: false,
    },
    {
      name: 'Auth0 typed bare keeps the slash',
      typed: 'my-tenant.us.auth0.com/',
      issuer: 'https://my-tenant.us.auth0.com/',
      providerPath: 'my-tenant.us.auth0.com/',
      note: true,
    },
    {
      name: 'a host without slash gains none',
      typed: 'https://accounts.google.com',
      issuer: 'https://accounts.google.com',
      providerPath: 'accounts.google.com',
      note: false,
    },
    {
      name: 'Entra ID v2',
      typed: 'https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/v2.0',
      issuer: 'https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/v2.0',
      providerPath: 'login.microsoftonline.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/v2.0',
      note: false,
    },
    {
      name: 'Keycloak',
      typed: 'sso.example.com/realms/engineering',
      issuer: 'https://sso.example.com/realms/engineering',
      providerPath: 'sso.example.com/realms/engineering',
      note: true,
    },
  ];
  for (const c of accepted) {
    it(`accepts ${c.name}`, () => {
      const result = normalizeIssuer(c.typed);
      assert.ok(result.ok, !result.ok ? result.message : '');
      assert.equal(result.issuer, c.issuer);
      assert.equal(result.providerPath, c.providerPath);
      assert.equal(result.note !== undefined, c.note);
    });
  }

  const refused: { name: string; typed: string; says: RegExp }[] = [
    {
      name: 'http://',
      typed: 'http://dev-123456.okta.com/oauth2/default',
      says: /uses http:\/\/, but IAM accepts only https:\/\//,
    },
    { name: 'HTTP:// in capitals', typed: 'HTTP://idp.example.com', says: /http:\/\// },
    { name: 'another scheme', typed: 'ftp://idp.example.com', says: /scheme ftp:\/\// },
    { name: 'a query', typed: 'https://idp.example.com/oauth2?tenant=1', says: /query/ },
    { name: 'an empty query', typed: 'https://idp.example.com/?', says: /query/ },
    { name: 'a fragment', typed: 'https://idp.example.com/#x', says: /fragment/ },
    { name: 'a port', typed: 'https://idp.example.com:8443/realms/x', says: /port/ },
    { name: 'port 443 written out', typed: 'idp.example.com:443', says: /port/ },
    { name: 'user info', typed: 'https://user@idp.example.com', says: /user info/ },
    { name: 'white space', typed: 'https://idp.example.com/ realms', says: /white space/ },
    { name: 'empty', typed: '', says: /empty/ },
    { name: 'no host', typed: 'https:///oauth2', says: /no host/ },
    { name: 'a bad host', typed: 'https://idp_example!.com', says: /host name/ },
    { name: 'too long', typed: `https://idp.example.com/${'a'.repeat(240)}`, says: /at most 255/ },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}, saying what is allowed`, () => {
      const result = normalizeIssuer(c.typed);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.message, c.says);
      assert.match(result.message, /use an https:\/\/ URL/);
    });
  }
});

describe('oidcProviderArn', () => {
  it('is the issuer without https:// under the partition and account', () => {
    assert.equal(
      oidcProviderArn('aws-cn', '123456789012', 'my-tenant.us.auth0.com/'),
      'arn:aws-cn:iam::123456789012:oidc-provider/my-tenant.us.auth0.com/'
    );
  });
});
