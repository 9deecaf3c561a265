// AWS CLI commands as bash: quoting survives bash, the tutorial's layout, the order of setup
// and cleanup calls, and generated scripts that bash accepts for awkward values.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { awsCliWords, formatAwsCliCommand, shellQuote, type AwsCliCommand } from './awsCli';
import { cleanupCommands, planAwsCli, setupCommands } from './awsCliPlan';
import { generateCleanupScript } from './cleanupScript';
import { generateSetupScript } from './setupScript';
import { tutorialValuesWith } from '../input/tutorialValues';

/** What bash makes of the words after quoting. */
function throughBash(words: string[]): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`]);
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  const words = [
    'plain',
    'https://idp.example.com/oauth2/default',
    "it's",
    'two words',
    '$HOME',
    '`id`',
    '"q"',
    '*',
    '~',
    'a;b',
    'a|b',
    '!x',
    'tab\tx',
    'new\nline',
    'ünï',
    '--flag=x',
    '',
  ];
  it('every word reaches the command unchanged', () => {
    assert.deepEqual(throughBash(words), words);
  });
  it('leaves safe words alone, as the tutorial writes them', () => {
    assert.equal(
      shellQuote('arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default'),
      'arn:aws:iam::123456789012:oidc-provider/dev-123456.okta.com/oauth2/default'
    );
    assert.equal(shellQuote('file://trust-policy.json'), 'file://trust-policy.json');
    assert.equal(shellQuote("it's"), "'it'\\''s'");
  });
});

describe('formatAwsCliCommand', () => {
  const command: AwsCliCommand = {
    operation: 'create-role',
    args: [
      { flag: '--role-name', value: 'DefaultMCPRole' },
      { flag: '--assume-role-policy-document', file: 'trust-policy-DefaultMCPRole.json' },
    ],
  };
  it('one flag per line, as in the tutorial', () => {
    assert.equal(
      formatAwsCliCommand(command),
      'aws iam create-role \\\n  --role-name DefaultMCPRole \\\n  --assume-role-policy-document file://trust-policy-DefaultMCPRole.json'
    );
  });
  it('single line, indented, with renamed files', () => {
    assert.equal(
      formatAwsCliCommand(command, {
        multiline: false,
        indent: '  ',
        fileName: () => 'trust-policy.json',
      }),
      '  aws iam create-role --role-name DefaultMCPRole --assume-role-policy-document file://trust-policy.json'
    );
  });
  it('lists take several words', () => {
    assert.deepEqual(
      awsCliWords({
        operation: 'create-open-id-connect-provider',
        args: [{ flag: '--client-id-list', values: ['a', 'b'] }],
      }),
      ['iam', 'create-open-id-connect-provider', '--client-id-list', 'a', 'b']
    );
  });
});

describe('the setup and cleanup plan', () => {
  it('registers the provider first, then the fallback role, then mapped roles in input order', () => {
    const values = tutorialValuesWith({
      roles: [
        { name: 'B', claim: 'b', permissions: 'default' },
        { name: 'A', claim: 'a', permissions: 'default' },
      ],
    });
    assert.deepEqual(
      setupCommands(values).map((c) => awsCliWords(c).slice(1, 4).join(' ')),
      [
        'create-open-id-connect-provider --url https://dev-123456.okta.com/oauth2/default',
        'create-role --role-name DefaultMCPRole',
        'put-role-policy --role-name DefaultMCPRole',
        'create-role --role-name B',
        'put-role-policy --role-name B',
        'create-role --role-name A',
        'put-role-policy --role-name A',
      ]
    );
    assert.deepEqual(
      cleanupCommands(values).map((c) => c.operation),
      [
        'delete-role-policy',
        'delete-role',
        'delete-role-policy',
        'delete-role',
        'delete-role-policy',
        'delete-role',
        'delete-open-id-connect-provider',
      ]
    );
    assert.deepEqual(
      cleanupCommands(values)
        .filter((c) => c.operation === 'delete-role')
        .map((c) => awsCliWords(c).at(-1)),
      ['A', 'B', 'DefaultMCPRole']
    );
  });

  it("raises MaxSessionDuration only when sessionDuration needs more than IAM's one-hour default", () => {
    for (const [duration, raised] of [
      [900, false],
      [3600, false],
      [3601, true],
      [43200, true],
    ] as const) {
      const [role] = planAwsCli(tutorialValuesWith({ sessionDuration: duration })).roles;
      assert.ok(role);
      assert.equal(
        awsCliWords(role.create).includes('--max-session-duration'),
        raised,
        String(duration)
      );
      assert.equal(role.updateMaxSessionDuration !== undefined, raised, String(duration));
      if (raised) assert.equal(awsCliWords(role.create).at(-1), String(duration));
    }
  });
});

describe('generated scripts', () => {
  const awkward = tutorialValuesWith({
    issuer: 'my-tenant.us.auth0.com/',
    audience: "it's $HOME `id`",
    sessionDuration: 7200,
    fallbackRole: { name: 'Default+MCP=Role,v1.0@team-x', permissions: 'default' },
    roles: [
      { name: 'Admin', matcher: '"admins" in claims["groups"]\n|| true', permissions: 'default' },
      { name: 'S3', claim: "x'; rm -rf / #\nnext", permissions: 's3-read-only' },
    ],
  });
  for (const [name, text] of [
    ['setup.sh (tutorial)', generateSetupScript(tutorialValuesWith())],
    ['cleanup.sh (tutorial)', generateCleanupScript(tutorialValuesWith())],
    ['setup.sh (awkward values)', generateSetupScript(awkward)],
    ['cleanup.sh (awkward values)', generateCleanupScript(awkward)],
  ] as const) {
    it(`${name}: bash accepts it; strict mode, own directory, endpoint option documented`, () => {
      execFileSync('bash', ['-n'], { input: text });
      assert.match(text, /^#!\/usr\/bin\/env bash\n/);
      assert.match(text, /\nset -euo pipefail\n/);
      assert.match(text, /\ncd "\$\(dirname "\$\{BASH_SOURCE\[0\]\}"\)"\n/);
      assert.match(text, /^# +--endpoint-url URL/m);
      assert.match(text, /AWS_ENDPOINT_URL_IAM/);
      assert.ok(text.endsWith('\n'));
    });
  }
  it('values with quotes and newlines stay inside words and comments', () => {
    const setup = generateSetupScript(awkward);
    assert.ok(setup.includes(`--client-id-list 'it'\\''s $HOME \`id\`'`), setup);
    assert.ok(
      setup.includes('# S3: for tokens whose role claim contains "x\'; rm -rf / #\\nnext".')
    );
    assert.doesNotMatch(setup, /^next/m);
  });
});
