// The IAM links (provider, role, trust-policy) on facts read through a fake IamReader or pasted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAwsSts, type AwsStsConfig } from '../config';
import {
  ACCOUNT,
  DEFAULT_ROLE,
  NOW,
  S3_ROLE,
  claimsFor,
  fakeIam,
  trustPolicy,
  unsignedJwt,
  type FakeAccount,
} from '../../test/support/doctorFixtures';
import { pastedAccount, readAccount } from './accountFacts';
import { checkProvider } from './checkProvider';
import { checkRoles } from './checkRoles';
import { checkTrustPolicy } from './checkTrustPolicy';

const ISSUER = 'https://idp.example.com/oauth2/default';
const HOST_PATH = 'idp.example.com/oauth2/default';
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${HOST_PATH}`;
const CONFIG = (() => {
  const result = validateAwsSts({
    region: 'us-east-1',
    fallbackRoleArn: DEFAULT_ROLE,
    roleMappings: [{ claim: 's3-readers', roleArn: S3_ROLE }],
    sessionDuration: 900,
  });
  if (!result.ok) throw new Error('config');
  return result.config;
})();
const SOUND: FakeAccount = {
  providers: { [HOST_PATH]: ['toolhive-aws'] },
  roles: {
    [DEFAULT_ROLE]: { trust: trustPolicy(ISSUER) },
    [S3_ROLE]: { trust: trustPolicy(ISSUER) },
  },
};
const facts = (account: FakeAccount, config: AwsStsConfig = CONFIG) =>
  readAccount(
    fakeIam(account),
    [DEFAULT_ROLE, S3_ROLE].filter(
      (arn) => arn === config.fallbackRoleArn || config.roleMappings.some((m) => m.roleArn === arn)
    ),
    ISSUER
  );

describe('checkProvider', () => {
  const run = async (account: FakeAccount, audiences = ['toolhive-aws'], issuer = ISSUER) =>
    checkProvider({
      facts: await readAccount(fakeIam(account), [S3_ROLE], issuer),
      issuer,
      audiences,
      roleArn: S3_ROLE,
    });

  it('passes the provider registered for iss with the aud among its client IDs', async () => {
    const check = await run(SOUND);
    assert.equal(check.status, 'pass', check.message);
    assert.equal(
      check.message,
      `${PROVIDER_ARN}: its URL equals iss character for character, and its client IDs "toolhive-aws" include aud "toolhive-aws"`
    );
  });

  const failures: {
    name: string;
    providers: Record<string, string[]>;
    issuer?: string;
    audiences?: string[];
    message: RegExp;
    fix: RegExp;
  }[] = [
    {
      name: 'registered without the issuer path',
      providers: { 'idp.example.com': ['toolhive-aws'] },
      message:
        /no IAM OIDC provider is registered for iss https:\/\/idp.example.com\/oauth2\/default; the registered arn:aws:iam::123456789012:oidc-provider\/idp.example.com is not it: it lacks the path \/oauth2\/default: STS answers InvalidIdentityToken "No OpenIDConnect provider found/,
      fix: /^aws iam create-open-id-connect-provider --url https:\/\/idp.example.com\/oauth2\/default --client-id-list toolhive-aws \(then delete the wrong one .*delete-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::123456789012:oidc-provider\/idp.example.com\)$/,
    },
    {
      name: 'registered with a trailing slash the iss lacks',
      providers: { [`${HOST_PATH}/`]: ['toolhive-aws'] },
      message:
        /the registered .*oauth2\/default\/ is not it: it ends with a slash and https:\/\/idp.example.com\/oauth2\/default does not/,
      fix: /create-open-id-connect-provider --url https:\/\/idp.example.com\/oauth2\/default /,
    },
    {
      name: 'registered without the trailing slash the iss has',
      providers: { 'tenant.auth0.com': ['toolhive-aws'] },
      issuer: 'https://tenant.auth0.com/',
      message:
        /the registered arn:aws:iam::123456789012:oidc-provider\/tenant.auth0.com is not it: it lacks the trailing slash of https:\/\/tenant.auth0.com\//,
      fix: /--url https:\/\/tenant.auth0.com\/ /,
    },
    {
      name: 'no providers at all',
      providers: {},
      message: /; this account has no OIDC providers:/,
      fix: /^aws iam create-open-id-connect-provider/,
    },
    {
      name: 'the audience missing from the client IDs',
      providers: { [HOST_PATH]: ['0oa1example'] },
      audiences: ['toolhive-aws'],
      message:
        /the token's aud "toolhive-aws" is not among the client IDs "0oa1example" .*"Incorrect token audience"/,
      fix: /^aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::123456789012:oidc-provider\/idp.example.com\/oauth2\/default --client-id toolhive-aws$/,
    },
  ];
  for (const c of failures) {
    it(`fails a provider ${c.name}`, async () => {
      const check = await run({ providers: c.providers }, c.audiences, c.issuer);
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
    });
  }

  it('fails a provider in another account than the role', async () => {
    const check = checkProvider({
      facts: {
        source: 'iam',
        providerArns: { ok: true, value: [`arn:aws:iam::999999999999:oidc-provider/${HOST_PATH}`] },
        provider: {
          ok: true,
          value: {
            arn: `arn:aws:iam::999999999999:oidc-provider/${HOST_PATH}`,
            url: HOST_PATH,
            clientIds: ['toolhive-aws'],
          },
        },
        roles: new Map(),
        permissions: new Map(),
      },
      issuer: ISSUER,
      audiences: ['toolhive-aws'],
      roleArn: S3_ROLE,
    });
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /is in account 999999999999, but the role is in account 123456789012/
    );
  });

  it('fails when IAM refuses the read, with the credentials fix', async () => {
    const check = await run({ ...SOUND, refuse: { listOpenIdConnectProviders: 'AccessDenied' } });
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /ListOpenIDConnectProviders failed: AccessDenied: User: .* is not authorized/
    );
    assert.match(check.fix ?? '', /IAMReadOnlyAccess/);
  });

  it('skips without --aws, also when something was pasted', () => {
    const base = { issuer: ISSUER, audiences: [], roleArn: S3_ROLE };
    assert.match(checkProvider({ ...base, facts: undefined }).message, /add --aws/);
    assert.equal(
      checkProvider({ ...base, facts: pastedAccount({ trustPolicy: '{}' }, S3_ROLE) }).status,
      'skip'
    );
  });
});

describe('checkRoles', () => {
  it('passes when every configured role exists and allows the session duration', async () => {
    const check = checkRoles(await facts(SOUND), CONFIG, S3_ROLE);
    assert.equal(check.status, 'pass', check.message);
    assert.equal(
      check.message,
      'all 2 roles the configuration names exist (S3ReadOnlyMCPRole, DefaultMCPRole) and allow sessions of 900 s'
    );
  });

  it("fails a role that does not exist, the token's role first", async () => {
    const check = checkRoles(
      await facts({ ...SOUND, roles: { [DEFAULT_ROLE]: { trust: '{}' } } }),
      CONFIG,
      S3_ROLE
    );
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /^this token's role arn:aws:iam::123456789012:role\/S3ReadOnlyMCPRole does not exist: STS answers AccessDenied/
    );
    assert.match(
      check.fix ?? '',
      /aws iam create-role --role-name S3ReadOnlyMCPRole .*, or correct awsSts.roleMappings\[0\].roleArn/
    );
    assert.deepEqual(check.details, ['fine: DefaultMCPRole']);
  });

  it('fails a role whose ARN differs by its path', async () => {
    const account = {
      ...SOUND,
      roles: {
        [DEFAULT_ROLE]: { trust: '{}' },
        [`arn:aws:iam::${ACCOUNT}:role/mcp/S3ReadOnlyMCPRole`]: { trust: '{}' },
      },
    };
    const check = checkRoles(await facts(account), CONFIG, S3_ROLE);
    assert.match(
      check.message,
      /IAM's role S3ReadOnlyMCPRole has the ARN arn:aws:iam::123456789012:role\/mcp\/S3ReadOnlyMCPRole \(the path differs\)/
    );
    assert.equal(
      check.fix,
      'set awsSts.roleMappings[0].roleArn: arn:aws:iam::123456789012:role/mcp/S3ReadOnlyMCPRole'
    );
  });

  it('fails a MaxSessionDuration below sessionDuration', async () => {
    const long = validateAwsSts({
      region: 'us-east-1',
      fallbackRoleArn: DEFAULT_ROLE,
      sessionDuration: 7200,
    });
    assert.ok(long.ok);
    const check = checkRoles(await facts(SOUND, long.config), long.config, DEFAULT_ROLE);
    assert.match(
      check.message,
      /allows sessions of at most 3600 s, but sessionDuration is 7200: STS answers ValidationError/
    );
    assert.match(
      check.fix ?? '',
      /aws iam update-role --role-name DefaultMCPRole --max-session-duration 7200, or set awsSts.sessionDuration: 3600/
    );
  });

  it('judges a pasted get-role output, and refuses one for another role', () => {
    const getRole = JSON.stringify({
      Role: {
        RoleName: 'S3ReadOnlyMCPRole',
        Arn: S3_ROLE,
        MaxSessionDuration: 3600,
        AssumeRolePolicyDocument: JSON.parse(trustPolicy(ISSUER)),
      },
    });
    const ok = checkRoles(pastedAccount({ trustPolicy: getRole }, S3_ROLE), CONFIG, S3_ROLE);
    assert.equal(ok.status, 'pass', ok.message);
    assert.match(ok.message, /exists \(pasted get-role output\)/);
    const other = checkRoles(
      pastedAccount({ trustPolicy: getRole }, DEFAULT_ROLE),
      CONFIG,
      DEFAULT_ROLE
    );
    assert.equal(other.status, 'fail');
    assert.equal(other.fix, 'paste the output of aws iam get-role --role-name DefaultMCPRole');
    const plain = checkRoles(
      pastedAccount({ trustPolicy: trustPolicy(ISSUER) }, S3_ROLE),
      CONFIG,
      S3_ROLE
    );
    assert.equal(plain.status, 'skip');
  });
});

describe('checkTrustPolicy', () => {
  const token = unsignedJwt({ alg: 'RS256', kid: 'k1' }, claimsFor(ISSUER));
  const run = async (trust: string, account: FakeAccount = SOUND, jwt = token) =>
    checkTrustPolicy({
      facts: await facts({ ...account, roles: { ...account.roles, [S3_ROLE]: { trust } } }),
      roleArn: S3_ROLE,
      token: jwt,
      configAudience: 'toolhive-aws',
      now: NOW,
    });

  it("passes the tutorial's trust policy, naming the statement and the keys STS supplies", async () => {
    const check = await run(trustPolicy(ISSUER));
    assert.equal(check.status, 'pass', check.message);
    assert.equal(
      check.message,
      `S3ReadOnlyMCPRole: statement "AllowToolHiveWebIdentity" allows this token (Federated ${PROVIDER_ARN}, ${HOST_PATH}:aud="toolhive-aws", ${HOST_PATH}:sub="alice", ${HOST_PATH}:email="alice@example.com")`
    );
  });

  const failures: { name: string; trust: string; message: RegExp; fix: RegExp }[] = [
    {
      name: 'a sub condition that excludes the user',
      trust: trustPolicy(ISSUER, { subjects: ['bob', 'carol'] }),
      message:
        /STS answers AccessDenied\): statement "AllowToolHiveWebIdentity" does not apply: Condition StringEquals idp.example.com\/oauth2\/default:sub: request value "alice"/,
      fix: /^add "alice" to StringEquals idp.example.com\/oauth2\/default:sub \(now "bob", "carol"\) to let this user in, then aws iam update-assume-role-policy --role-name S3ReadOnlyMCPRole --policy-document file:\/\/trust-policy.json$/,
    },
    {
      name: 'an aud condition for another audience',
      trust: trustPolicy(ISSUER, { audience: 'api://default' }),
      message: /:aud: request value "toolhive-aws"/,
      fix: /^set StringEquals idp.example.com\/oauth2\/default:aud to "toolhive-aws" \(now "api:\/\/default"\)/,
    },
    {
      name: 'a principal for the issuer without its path',
      trust: trustPolicy('https://idp.example.com').replace(
        'idp.example.com:aud',
        `${HOST_PATH}:aud`
      ),
      message:
        /Principal Federated arn:aws:iam::123456789012:oidc-provider\/idp.example.com\/oauth2\/default not matched/,
      fix: /^set Principal.Federated to "arn:aws:iam::123456789012:oidc-provider\/idp.example.com\/oauth2\/default" \(the provider for iss/,
    },
    {
      name: 'condition keys named after another issuer path',
      trust: trustPolicy(ISSUER).replace(`${HOST_PATH}:aud`, 'idp.example.com/:aud'),
      message: /does not apply/,
      fix: /^rename the condition key idp.example.com\/:aud to idp.example.com\/oauth2\/default:aud/,
    },
    {
      name: 'an explicit Deny',
      trust: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          ...JSON.parse(trustPolicy(ISSUER)).Statement,
          {
            Sid: 'NoAlice',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sts:*',
            Condition: { StringEquals: { [`${HOST_PATH}:sub`]: 'alice' } },
          },
        ],
      }),
      message: /statement "NoAlice" denies it/,
      fix: /^remove or narrow statement "NoAlice"/,
    },
    {
      name: 'no Allow statement',
      trust: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }],
      }),
      message: /it has no Allow statement/,
      fix: /^add \{"Effect": "Allow", "Principal": \{"Federated": "arn:aws:iam::123456789012:oidc-provider\/idp.example.com\/oauth2\/default"\}/,
    },
    {
      name: 'a malformed document',
      trust: '{"Statement": [{"Effect": "Maybe"}]}',
      message: /is malformed/,
      fix: /update-assume-role-policy/,
    },
  ];
  for (const c of failures) {
    it(`fails ${c.name}`, async () => {
      const check = await run(c.trust);
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
    });
  }

  it('evaluates a pasted trust policy, or the one in a pasted get-role output (URL-encoded)', async () => {
    const sub = trustPolicy(ISSUER, { subjects: ['bob'] });
    const plain = checkTrustPolicy({
      facts: pastedAccount({ trustPolicy: sub }, S3_ROLE),
      roleArn: S3_ROLE,
      token,
      configAudience: undefined,
      now: NOW,
    });
    assert.equal(plain.status, 'fail');
    assert.match(plain.fix ?? '', /add "alice" to StringEquals/);
    const getRole = JSON.stringify({
      Role: {
        RoleName: 'S3ReadOnlyMCPRole',
        Arn: S3_ROLE,
        AssumeRolePolicyDocument: encodeURIComponent(trustPolicy(ISSUER)),
      },
    });
    const encoded = checkTrustPolicy({
      facts: pastedAccount({ trustPolicy: getRole }, S3_ROLE),
      roleArn: S3_ROLE,
      token,
      configAudience: undefined,
      now: NOW,
    });
    assert.equal(encoded.status, 'pass', encoded.message);
    const broken = checkTrustPolicy({
      facts: pastedAccount({ trustPolicy: '{nope' }, S3_ROLE),
      roleArn: S3_ROLE,
      token,
      configAudience: undefined,
      now: NOW,
    });
    assert.equal(broken.status, 'fail');
    assert.match(broken.message, /the pasted trust policy is not valid JSON/);
  });

  it('skips a role that does not exist, and without facts', async () => {
    const gone = await checkTrustPolicy({
      facts: await facts({ ...SOUND, roles: {} }),
      roleArn: S3_ROLE,
      token,
      configAudience: undefined,
      now: NOW,
    });
    assert.match(gone.message, /S3ReadOnlyMCPRole does not exist \(see role\)/);
    assert.match(
      checkTrustPolicy({
        facts: undefined,
        roleArn: S3_ROLE,
        token,
        configAudience: undefined,
        now: NOW,
      }).message,
      /add --aws \(or paste/
    );
  });
});
