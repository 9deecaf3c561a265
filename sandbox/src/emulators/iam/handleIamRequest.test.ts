// The IAM core without HTTP: each rule IAM applies before storing or changing something, as
// status, code and message, plus the loopback allowance the local replica needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountState } from '../state';
import { handleIamRequest } from './handleIamRequest';
import type { IamResponse } from './types';

const NOW = new Date('2026-03-01T12:00:00Z');
const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/idp.example.com';
const trust = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'idp.example.com:aud': 'toolhive-aws' } },
        ...extra,
      },
    ],
  });
const permissions = (padding = 0): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: `S${'x'.repeat(padding)}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    ],
  });

/** Any SigV4 header will do: the emulator requires a signature but does not check it. */
const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260301/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
};

function send(
  state: AccountState,
  params: Record<string, string>,
  options: { allowLoopbackHttp?: boolean; unsigned?: boolean } = {}
): IamResponse {
  const { unsigned, ...env } = options;
  const body = new URLSearchParams({ Version: '2010-05-08', ...params }).toString();
  return handleIamRequest(
    { method: 'POST', body, ...(unsigned ? {} : { headers: SIGNED }) },
    { state, now: NOW, ...env }
  );
}

/** An account with the provider `trust()` names and the role Dev trusting it. */
function seeded(): AccountState {
  const state = new AccountState();
  assert.equal(
    send(state, { Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.example.com' }).status,
    200
  );
  assert.equal(
    send(state, { Action: 'CreateRole', RoleName: 'Dev', AssumeRolePolicyDocument: trust() })
      .status,
    200
  );
  return state;
}

const errorOf = (body: string): { code?: string; message?: string } => ({
  code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1],
  message: /<Message>([^<]*)<\/Message>/
    .exec(body)?.[1]
    ?.replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"'),
});

describe('handleIamRequest refusals', () => {
  const cases: {
    name: string;
    params: Record<string, string>;
    status: number;
    code: string;
    message?: string | RegExp;
    options?: { allowLoopbackHttp?: boolean; unsigned?: boolean };
  }[] = [
    {
      name: 'an unsigned request',
      params: { Action: 'GetRole', RoleName: 'Dev' },
      options: { unsigned: true },
      status: 403,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    },
    { name: 'no Action', params: {}, status: 400, code: 'MissingAction' },
    {
      name: 'an action the emulator does not implement',
      params: { Action: 'AttachRolePolicy' },
      status: 400,
      code: 'InvalidAction',
      message: 'Could not find operation AttachRolePolicy for version 2010-05-08',
    },
    {
      name: 'CreateRole without its required members',
      params: { Action: 'CreateRole' },
      status: 400,
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
    },
    {
      name: 'a role name with a space',
      params: { Action: 'CreateRole', RoleName: 'My Role', AssumeRolePolicyDocument: trust() },
      status: 400,
      code: 'ValidationError',
      message:
        "1 validation error detected: Value 'My Role' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    },
    {
      name: 'a role name of 65 characters',
      params: { Action: 'CreateRole', RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: trust() },
      status: 400,
      code: 'ValidationError',
      message: /Member must have length less than or equal to 64$/,
    },
    {
      name: 'a path without a trailing slash',
      params: {
        Action: 'CreateRole',
        RoleName: 'P',
        Path: '/team',
        AssumeRolePolicyDocument: trust(),
      },
      status: 400,
      code: 'ValidationError',
      message:
        /at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    },
    {
      name: 'a MaxSessionDuration above 43200',
      params: {
        Action: 'CreateRole',
        RoleName: 'L',
        MaxSessionDuration: '43201',
        AssumeRolePolicyDocument: trust(),
      },
      status: 400,
      code: 'ValidationError',
      message: /Member must have value less than or equal to 43200$/,
    },
    {
      name: 'a trust policy without Principal',
      params: {
        Action: 'CreateRole',
        RoleName: 'NoPrincipal',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }],
        }),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message: 'Missing required field Principal',
    },
    {
      name: 'a trust policy naming an OIDC provider the account does not have',
      params: {
        Action: 'CreateRole',
        RoleName: 'Stranger',
        AssumeRolePolicyDocument: trust().replace('idp.example.com', 'unknown.example.com'),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message:
        'Invalid principal in policy: "Federated":"arn:aws:iam::123456789012:oidc-provider/unknown.example.com"',
    },
    {
      name: 'a trust policy over 2,048 characters',
      params: {
        Action: 'CreateRole',
        RoleName: 'Big',
        AssumeRolePolicyDocument: trust({ Sid: 'x'.repeat(2048) }),
      },
      status: 409,
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    },
    {
      name: 'a permissions boundary (not emulated)',
      params: {
        Action: 'CreateRole',
        RoleName: 'Bounded',
        AssumeRolePolicyDocument: trust(),
        PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      },
      status: 400,
      code: 'InvalidInput',
      message: 'PermissionsBoundary is not supported by the local IAM emulator',
    },
    {
      name: 'duplicate tag keys',
      params: {
        Action: 'CreateRole',
        RoleName: 'Tagged',
        AssumeRolePolicyDocument: trust(),
        'Tags.member.1.Key': 'team',
        'Tags.member.1.Value': 'a',
        'Tags.member.2.Key': 'Team',
        'Tags.member.2.Value': 'b',
      },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'UpdateAssumeRolePolicy without a policy document',
      params: { Action: 'UpdateAssumeRolePolicy', RoleName: 'Dev' },
      status: 400,
      code: 'ValidationError',
      message:
        "1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: Member must not be null",
    },
    {
      name: 'a new trust policy for a role that does not exist',
      params: { Action: 'UpdateAssumeRolePolicy', RoleName: 'Ghost', PolicyDocument: trust() },
      status: 404,
      code: 'NoSuchEntity',
      message: 'The role with name Ghost cannot be found.',
    },
    {
      name: 'a new trust policy with Resource',
      params: {
        Action: 'UpdateAssumeRolePolicy',
        RoleName: 'Dev',
        PolicyDocument: trust({ Resource: '*' }),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message: 'Has prohibited field Resource',
    },
    {
      name: 'a new trust policy naming an unknown OIDC provider',
      params: {
        Action: 'UpdateAssumeRolePolicy',
        RoleName: 'Dev',
        PolicyDocument: trust().replace('idp.example.com', 'unknown.example.com'),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message:
        'Invalid principal in policy: "Federated":"arn:aws:iam::123456789012:oidc-provider/unknown.example.com"',
    },
    {
      name: 'a new trust policy over 2,048 characters',
      params: {
        Action: 'UpdateAssumeRolePolicy',
        RoleName: 'Dev',
        PolicyDocument: trust({ Sid: 'x'.repeat(2048) }),
      },
      status: 409,
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    },
    {
      name: 'UpdateRole with a MaxSessionDuration below 3600',
      params: { Action: 'UpdateRole', RoleName: 'Dev', MaxSessionDuration: '900' },
      status: 400,
      code: 'ValidationError',
      message:
        "1 validation error detected: Value '900' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    },
    {
      name: 'UpdateRole for a role that does not exist',
      params: { Action: 'UpdateRole', RoleName: 'Ghost', Description: 'x' },
      status: 404,
      code: 'NoSuchEntity',
      message: 'The role with name Ghost cannot be found.',
    },
    {
      name: 'a permission policy with Principal',
      params: {
        Action: 'PutRolePolicy',
        RoleName: 'Dev',
        PolicyName: 'P',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }],
        }),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message: 'Has prohibited field Principal',
    },
    {
      name: 'a permission policy with an invalid Effect',
      params: {
        Action: 'PutRolePolicy',
        RoleName: 'Dev',
        PolicyName: 'P',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }],
        }),
      },
      status: 400,
      code: 'MalformedPolicyDocument',
      message: 'Syntax errors in policy.',
    },
    {
      name: 'an inline policy over the role aggregate of 10,240 characters',
      params: {
        Action: 'PutRolePolicy',
        RoleName: 'Dev',
        PolicyName: 'Huge',
        PolicyDocument: permissions(10240),
      },
      status: 409,
      code: 'LimitExceeded',
      message: 'Maximum policy size of 10240 bytes exceeded for role Dev',
    },
    {
      name: 'a policy for a role that does not exist',
      params: {
        Action: 'PutRolePolicy',
        RoleName: 'Ghost',
        PolicyName: 'P',
        PolicyDocument: permissions(),
      },
      status: 404,
      code: 'NoSuchEntity',
      message: 'The role with name Ghost cannot be found.',
    },
    {
      name: 'deleting a role policy that does not exist',
      params: { Action: 'DeleteRolePolicy', RoleName: 'Dev', PolicyName: 'Nope' },
      status: 404,
      code: 'NoSuchEntity',
      message: 'The role policy with name Nope cannot be found.',
    },
    {
      name: 'a provider URL with a port',
      params: { Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.example.com:8443' },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'a provider URL with the default port written out',
      params: { Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.example.com:443/' },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'a provider URL with a fragment',
      params: { Action: 'CreateOpenIDConnectProvider', Url: 'https://idp.example.com/#x' },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'a provider URL over 255 characters',
      params: { Action: 'CreateOpenIDConnectProvider', Url: `https://${'a'.repeat(250)}.com` },
      status: 400,
      code: 'ValidationError',
      message:
        /at 'url' failed to satisfy constraint: Member must have length less than or equal to 255$/,
    },
    {
      name: 'a loopback http URL without the allowance',
      params: {
        Action: 'CreateOpenIDConnectProvider',
        Url: 'http://127.0.0.1:8080/oauth2/default',
      },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'a non-loopback http URL even with the allowance',
      params: { Action: 'CreateOpenIDConnectProvider', Url: 'http://idp.example.com' },
      options: { allowLoopbackHttp: true },
      status: 400,
      code: 'InvalidInput',
    },
    {
      name: 'a thumbprint that is not 40 characters',
      params: {
        Action: 'CreateOpenIDConnectProvider',
        Url: 'https://idp.example.com',
        'ThumbprintList.member.1': 'abc',
      },
      status: 400,
      code: 'ValidationError',
    },
    {
      name: 'a client ID of 256 characters',
      params: {
        Action: 'CreateOpenIDConnectProvider',
        Url: 'https://idp.example.com',
        'ClientIDList.member.1': 'c'.repeat(256),
      },
      status: 400,
      code: 'ValidationError',
    },
    {
      name: 'adding a client ID to a provider that does not exist',
      params: {
        Action: 'AddClientIDToOpenIDConnectProvider',
        OpenIDConnectProviderArn: `${PROVIDER}/other`,
        ClientID: 'x',
      },
      status: 404,
      code: 'NoSuchEntity',
      message: `OpenIDConnect Provider not found for arn ${PROVIDER}/other`,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      const state = seeded();
      const rolesBefore = state.roles.size;
      const providersBefore = state.oidcProviders.size;
      const res = send(state, c.params, c.options);
      assert.equal(res.status, c.status, res.body);
      assert.match(
        res.body,
        /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/
      );
      assert.match(res.body, /<Type>Sender<\/Type>/);
      assert.match(
        res.body,
        new RegExp(`<RequestId>${res.headers['x-amzn-RequestId']}</RequestId>`)
      );
      const error = errorOf(res.body);
      assert.equal(error.code, c.code);
      if (typeof c.message === 'string') assert.equal(error.message, c.message);
      else if (c.message) assert.match(error.message ?? '', c.message);
      assert.equal(state.roles.size, rolesBefore, 'nothing was created');
      assert.equal(state.oidcProviders.size, providersBefore, 'no provider was created');
      const dev = state.findRole('Dev');
      assert.equal(dev?.inlinePolicies.size, 0, 'no policy was stored');
      assert.equal(dev?.assumeRolePolicyDocument, trust(), 'the trust policy is unchanged');
      assert.equal(dev?.maxSessionDuration, 3600, 'the maximum session is unchanged');
    });
  }
});

describe('handleIamRequest acceptance', () => {
  it('registers a loopback http issuer with a port when allowed (the local replica)', () => {
    const state = new AccountState();
    const url = 'http://127.0.0.1:8080/oauth2/default';
    const res = send(
      state,
      { Action: 'CreateOpenIDConnectProvider', Url: url, 'ClientIDList.member.1': 'toolhive-aws' },
      { allowLoopbackHttp: true }
    );
    assert.equal(res.status, 200, res.body);
    const arn = 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:8080/oauth2/default';
    assert.match(
      res.body,
      new RegExp(`<OpenIDConnectProviderArn>${arn}</OpenIDConnectProviderArn>`)
    );
    assert.equal(state.findOidcProviderByIssuer(url)?.arn, arn);
  });

  it('keeps the path and trailing slash of a provider URL (Auth0 style)', () => {
    const state = new AccountState();
    const url = 'https://tenant.us.auth0.com/';
    assert.equal(send(state, { Action: 'CreateOpenIDConnectProvider', Url: url }).status, 200);
    assert.equal(
      state.findOidcProviderByIssuer(url)?.arn,
      'arn:aws:iam::123456789012:oidc-provider/tenant.us.auth0.com/'
    );
  });

  it('replaces a trust policy with UpdateAssumeRolePolicy (no Result element)', () => {
    const state = seeded();
    const newer = trust({ Sid: 'Newer' });
    const res = send(state, {
      Action: 'UpdateAssumeRolePolicy',
      RoleName: 'dev',
      PolicyDocument: newer,
    });
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /^<UpdateAssumeRolePolicyResponse xmlns=/);
    assert.doesNotMatch(res.body, /Result>/);
    assert.equal(state.findRole('Dev')?.assumeRolePolicyDocument, newer);
  });

  it('UpdateRole sets what is sent and keeps the rest', () => {
    const state = seeded();
    const longer = send(state, {
      Action: 'UpdateRole',
      RoleName: 'Dev',
      MaxSessionDuration: '7200',
    });
    assert.equal(longer.status, 200, longer.body);
    assert.match(longer.body, /<UpdateRoleResult><\/UpdateRoleResult>/);
    assert.equal(
      send(state, { Action: 'UpdateRole', RoleName: 'Dev', Description: 'MCP' }).status,
      200
    );
    assert.equal(state.findRole('Dev')?.maxSessionDuration, 7200);
    assert.equal(state.findRole('Dev')?.description, 'MCP');
  });

  it('accepts a presigned query instead of an Authorization header', () => {
    const state = seeded();
    const res = handleIamRequest(
      {
        method: 'GET',
        body: '',
        url: '/?Action=GetRole&Version=2010-05-08&RoleName=Dev&X-Amz-Signature=0',
      },
      { state, now: NOW }
    );
    assert.equal(res.status, 200, res.body);
  });

  it('replaces an inline policy of the same name within the aggregate quota', () => {
    const state = seeded();
    const put = (padding: number): number =>
      send(state, {
        Action: 'PutRolePolicy',
        RoleName: 'Dev',
        PolicyName: 'P',
        PolicyDocument: permissions(padding),
      }).status;
    assert.equal(put(6000), 200);
    assert.equal(put(7000), 200, 'the old version does not count against the new one');
    assert.equal(state.findRole('dev')?.inlinePolicies.get('P'), permissions(7000));
  });

  it('stores Path, Description and MaxSessionDuration and returns them', () => {
    const state = seeded();
    const res = send(state, {
      Action: 'CreateRole',
      RoleName: 'Ops',
      Path: '/mcp/',
      Description: 'For <MCP> & friends',
      MaxSessionDuration: '43200',
      AssumeRolePolicyDocument: trust(),
    });
    assert.equal(res.status, 200, res.body);
    assert.match(res.body, /<Arn>arn:aws:iam::123456789012:role\/mcp\/Ops<\/Arn>/);
    assert.match(res.body, /<Description>For &lt;MCP&gt; &amp; friends<\/Description>/);
    assert.match(res.body, /<MaxSessionDuration>43200<\/MaxSessionDuration>/);
    assert.equal(
      state.findRoleByArn('arn:aws:iam::123456789012:role/mcp/Ops')?.maxSessionDuration,
      43200
    );
  });
});
