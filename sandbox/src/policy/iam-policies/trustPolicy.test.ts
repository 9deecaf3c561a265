// Trust policies: valid, within IAM's quota, and evaluated with the project's IAM evaluator:
// the registered provider with the right aud (and sub, when restricted) may assume the role.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPolicySize, evaluateTrustPolicy, validatePolicy } from '../../iam';
import { formatJson } from './formatJson';
import { tutorialValuesWith } from '../input/tutorialValues';
import { generateTrustPolicy } from './trustPolicy';

const ASSUME = 'sts:AssumeRoleWithWebIdentity';

describe('generateTrustPolicy', () => {
  const cases = [
    { name: 'Okta (tutorial)', issuer: 'https://dev-123456.okta.com/oauth2/default' },
    { name: 'Auth0 with its trailing slash', issuer: 'my-tenant.us.auth0.com/' },
    {
      name: 'Entra ID',
      issuer: 'login.microsoftonline.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/v2.0',
    },
  ];
  for (const { name, issuer } of cases) {
    const values = tutorialValuesWith({ issuer });
    const path = values.providerPath;
    const policy = generateTrustPolicy(values, { restrictSubjects: [] });
    const token = (aud: string, sub = 'alice') => ({ [`${path}:aud`]: aud, [`${path}:sub`]: sub });
    const federated = { type: 'Federated' as const, id: values.providerArn };

    it(`${name}: parses as a trust policy and fits IAM's 2,048-character quota`, () => {
      const parsed = validatePolicy(formatJson(policy), { kind: 'trust' });
      assert.ok(parsed.ok, JSON.stringify(parsed.problems));
      assert.ok(checkPolicySize(formatJson(policy), 'trust').ok);
    });

    it(`${name}: the principal and the condition key use the provider path exactly`, () => {
      assert.equal(
        values.providerArn,
        `arn:aws:iam::123456789012:oidc-provider/${values.issuer.slice(8)}`
      );
      const statement = policy.Statement[0];
      assert.deepEqual(statement?.Principal, { Federated: values.providerArn });
      assert.deepEqual(Object.keys(statement?.Condition?.StringEquals ?? {}), [
        `${values.issuer.slice(8)}:aud`,
      ]);
    });

    it(`${name}: allows a token with the right aud, refuses a wrong aud`, () => {
      assert.equal(
        evaluateTrustPolicy(policy, {
          principal: federated,
          action: ASSUME,
          context: token(values.audience),
        }).decision,
        'Allow'
      );
      assert.equal(
        evaluateTrustPolicy(policy, {
          principal: federated,
          action: ASSUME,
          context: token('someone-else'),
        }).decision,
        'ImplicitDeny'
      );
      assert.equal(
        evaluateTrustPolicy(policy, { principal: federated, action: ASSUME, context: {} }).decision,
        'ImplicitDeny'
      );
    });

    it(`${name}: refuses another provider and other actions`, () => {
      const other = { type: 'Federated' as const, id: `${values.providerArn}x` };
      assert.equal(
        evaluateTrustPolicy(policy, {
          principal: other,
          action: ASSUME,
          context: token(values.audience),
        }).allowed,
        false
      );
      assert.equal(
        evaluateTrustPolicy(policy, {
          principal: federated,
          action: 'sts:AssumeRole',
          context: token(values.audience),
        }).allowed,
        false
      );
    });
  }

  it('Auth0: a provider registered without the trailing slash is a different principal', () => {
    const values = tutorialValuesWith({ issuer: 'my-tenant.us.auth0.com/' });
    const policy = generateTrustPolicy(values, { restrictSubjects: [] });
    const withoutSlash = 'arn:aws:iam::123456789012:oidc-provider/my-tenant.us.auth0.com';
    const context = { 'my-tenant.us.auth0.com:aud': values.audience };
    assert.equal(
      evaluateTrustPolicy(policy, {
        principal: { type: 'Federated', id: withoutSlash },
        action: ASSUME,
        context,
      }).allowed,
      false
    );
  });

  const restricted = [
    { name: 'one subject (a string)', subjects: ['alice@example.com'] },
    { name: 'two subjects (a list)', subjects: ['alice@example.com', 'bob@example.com'] },
  ];
  for (const { name, subjects } of restricted) {
    it(`restrictSubjects with ${name}: allows listed subs, refuses others`, () => {
      const values = tutorialValuesWith();
      const policy = generateTrustPolicy(values, { restrictSubjects: subjects });
      const principal = { type: 'Federated' as const, id: values.providerArn };
      const context = (sub: string | undefined) => ({
        [`${values.providerPath}:aud`]: values.audience,
        [`${values.providerPath}:sub`]: sub,
      });
      for (const sub of subjects)
        assert.equal(
          evaluateTrustPolicy(policy, { principal, action: ASSUME, context: context(sub) }).allowed,
          true,
          sub
        );
      assert.equal(
        evaluateTrustPolicy(policy, {
          principal,
          action: ASSUME,
          context: context('mallory@example.com'),
        }).allowed,
        false
      );
      assert.equal(
        evaluateTrustPolicy(policy, { principal, action: ASSUME, context: context(undefined) })
          .allowed,
        false
      );
      const wrongAud = {
        [`${values.providerPath}:aud`]: 'other',
        [`${values.providerPath}:sub`]: subjects[0],
      };
      assert.equal(
        evaluateTrustPolicy(policy, { principal, action: ASSUME, context: wrongAud }).allowed,
        false
      );
    });
  }
});
