// YAML round trips: claim values and CEL matchers come back exactly, through the yaml 1.2 parser
// and a YAML 1.1 reader like kubectl's, inside the generated MCPExternalAuthConfig.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { generateExternalAuthConfig } from './externalAuthConfig';
import { toYaml } from './formatYaml';
import { tutorialValuesWith } from '../input/tutorialValues';

/** Strings that YAML would turn into something else if written plain. */
const TRICKY = [
  's3-readers',
  'admins: all',
  'key: value # not a comment',
  '# starts like a comment',
  '*alias-like',
  '&anchor-like',
  '@at-start',
  '- looks like a list item',
  '? looks like a key',
  '!tagged',
  '%directive',
  '|block',
  '>folded',
  '{flow: map}',
  '[flow, list]',
  '`backtick`',
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  '~',
  '123',
  '0123',
  '0x1F',
  '0o17',
  '1e3',
  '1_000',
  '1:20:30',
  '.inf',
  '.NaN',
  '2026-01-01',
  "it's",
  'say "hi"',
  `both ' and "`,
  ' leading space',
  'trailing space ',
  'tab\tinside',
  'ünïcödé 日本',
  'https://example.com/groups',
  'cn=admins,ou=groups,dc=example,dc=com',
];
const MATCHERS = [
  '"admins" in claims["groups"]',
  `"admins" in claims["groups"] && claims["org"] == 'engineering'`,
  'claims["sub"] == "user: 123 # x"',
  '!("act" in claims)',
  "claims['https://example.com/groups'].exists(g, g.startsWith('s3-'))",
  '"a" in claims["groups"] ||\n  "b" in claims["groups"]',
];

describe('toYaml round trips', () => {
  for (const value of TRICKY) {
    it(`claim value ${JSON.stringify(value)}`, () => {
      const text = toYaml({ claim: value });
      assert.equal(parse(text, { version: '1.2' }).claim, value, text);
      assert.equal(parse(text, { version: '1.1' }).claim, value, `YAML 1.1: ${text}`);
    });
  }

  it("keeps plain strings plain when that is safe (the tutorial's style)", () => {
    assert.equal(
      toYaml({
        roleArn: 'arn:aws:iam::123456789012:role/R',
        url: 'https://aws-mcp.us-east-1.api.aws/mcp',
        claim: 's3-readers',
      }),
      'roleArn: arn:aws:iam::123456789012:role/R\nurl: https://aws-mcp.us-east-1.api.aws/mcp\nclaim: s3-readers'
    );
  });

  it('every claim value and matcher survives inside the generated MCPExternalAuthConfig', () => {
    const roles = [
      ...TRICKY.map((claim, i) => ({
        name: `ClaimRole${i}`,
        claim,
        permissions: 'default' as const,
      })),
      ...MATCHERS.map((matcher, i) => ({
        name: `MatcherRole${i}`,
        matcher,
        priority: i,
        permissions: 'default' as const,
      })),
    ];
    const values = tutorialValuesWith({
      roles,
      roleClaim: 'https://example.com/groups',
      sessionNameClaim: 'yes',
    });
    const text = toYaml(generateExternalAuthConfig(values));
    for (const version of ['1.1', '1.2'] as const) {
      const awsSts = (parse(text, { version }) as { spec: { awsSts: Record<string, unknown> } })
        .spec.awsSts;
      const mappings = awsSts.roleMappings as {
        claim?: string;
        matcher?: string;
        priority?: number;
      }[];
      assert.deepEqual(
        mappings.map((m) => m.claim ?? m.matcher),
        [...TRICKY, ...MATCHERS],
        `YAML ${version}`
      );
      assert.equal(awsSts.sessionNameClaim, 'yes');
      assert.equal(awsSts.roleClaim, 'https://example.com/groups');
      assert.equal(typeof awsSts.sessionDuration, 'number');
    }
  });

  it('puts comments at the end of the line of the value they describe', () => {
    const text = toYaml({ spec: { gatewayClassName: 'my-class' } }, [
      { path: ['spec', 'gatewayClassName'], comment: 'pick one' },
    ]);
    assert.equal(text, 'spec:\n  gatewayClassName: my-class # pick one');
    assert.throws(() => toYaml({ a: 1 }, [{ path: ['b'], comment: 'x' }]), /no scalar at b/);
  });
});
