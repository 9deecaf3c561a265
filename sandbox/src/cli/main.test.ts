// End-to-end tests of the CLI: spawns the real entry point (node --import tsx) from the repo
// root, with fixtures in a temporary directory; checks exit status, output and error shapes.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './registry';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'awssts-cli-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const ARN = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const resource = (awsSts: string) => `apiVersion: toolhive.stacklok.dev/v1beta1
kind: MCPExternalAuthConfig
metadata: { name: aws-mcp-sts-auth }
spec:
  type: awsSts
  awsSts:
${awsSts}`;
const mappings = `    roleMappings:
      - { claim: s3-readers, roleArn: '${ARN('S3ReadOnly')}', priority: 10 }
      - matcher: '"admins" in claims["groups"]'
        roleArn: ${ARN('Admin')}
        priority: 1
`;
const config = file(
  'config.yaml',
  resource(`    region: us-east-1\n    fallbackRoleArn: ${ARN('Default')}\n${mappings}`)
);
const noFallback = file('no-fallback.yaml', resource(`    region: us-east-1\n${mappings}`));
const badRegion = file(
  'bad-region.yaml',
  resource(`    region: US\n    fallbackRoleArn: ${ARN('Default')}\n`)
);
const badArn = file(
  'bad-arn.yaml',
  resource(`    region: us-east-1\n    fallbackRoleArn: arn:aws:iam::123456789012:user/bob\n`)
);
const badMatcher = file(
  'bad-matcher.yaml',
  resource(
    `    region: us-east-1\n    roleMappings:\n      - { matcher: 'nope(claims)', roleArn: '${ARN('X')}' }\n`
  )
);
const noRole = file('no-role.json', '{"region": "us-east-1"}');
const badSyntax = file('bad-syntax.yaml', 'region: us-east-1\nroleMappings: [\n');
const claims = file(
  'claims.json',
  JSON.stringify({ sub: 'user123', groups: ['admins', 's3-readers'] })
);
const pipeClaims = file(
  'pipe-claims.json',
  JSON.stringify({ sub: 'auth0|123', groups: ['s3-readers'] })
);
const noSub = file('no-sub.json', JSON.stringify({ groups: ['devs'] }));
const badJson = file('bad.json', '{"sub": ');
const listJson = file('list.json', '["admins"]');
const folder = join(dir, 'folder');
mkdirSync(folder);
const SECRET_LOOKING = 'eyJzZWNyZXQiOiJ0b3Atc2VjcmV0In0.not-a-jwt';
const unsignedJwt = [{ alg: 'none' }, { sub: 'user123', groups: ['admins'] }, '']
  .map((part) =>
    typeof part === 'string' ? part : Buffer.from(JSON.stringify(part)).toString('base64url')
  )
  .join('.');

after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'sandbox/src/cli/main.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    );
    child.stdin?.end(stdin ?? '');
  });
}

const json = (run: Run) => JSON.parse(run.stdout) as Record<string, unknown>;
const errorOf = (run: Run) => (json(run).error ?? {}) as { code?: string; message?: string };

interface Case {
  name: string;
  args: string[];
  stdin?: string;
  code: number;
  check: (run: Run) => void;
}

const cases: Case[] = [
  {
    name: '--help lists the commands',
    args: ['--help'],
    code: 0,
    check: (r) => {
      // Every registered command is listed, one per line, in registry order.
      const listed = [...r.stdout.matchAll(/^ {2}([a-z]+) {2,}\S/gm)].map((m) => m[1]);
      assert.deepEqual(
        listed,
        COMMANDS.map((c) => c.name)
      );
    },
  },
  {
    name: 'no command shows usage and fails',
    args: [],
    code: 2,
    check: (r) => assert.match(r.stdout, /Usage:/),
  },
  {
    name: 'role --help says tokens are not verified',
    args: ['role', '--help'],
    code: 0,
    check: (r) => assert.match(r.stdout, /NOT verified/),
  },
  {
    name: 'validate --help',
    args: ['validate', '--help'],
    code: 0,
    check: (r) => assert.match(r.stdout, /^Usage: validate --config FILE/),
  },
  {
    name: 'unknown command',
    args: ['nope', '--json'],
    code: 2,
    check: (r) => assert.match(errorOf(r).message ?? '', /unknown command "nope"/),
  },
  {
    name: 'validate: valid file',
    args: ['validate', '--config', config],
    code: 0,
    check: (r) =>
      assert.match(
        r.stdout,
        /^valid: .*MCPExternalAuthConfig "aws-mcp-sts-auth", region us-east-1, 2 role mapping/
      ),
  },
  {
    name: 'validate: valid --json',
    args: ['validate', '--config', config, '--json'],
    code: 0,
    check: (r) => assert.deepEqual(json(r), { valid: true }),
  },
  {
    name: 'validate: every problem with paths and codes',
    args: [
      'validate',
      '--json',
      '--config',
      file(
        'many.yaml',
        resource(
          `    region: US\n    roleMappings:\n      - { matcher: 'x ==', roleArn: nope }\n    sessionDuration: 1\n`
        )
      ),
    ],
    code: 1,
    check: (r) => {
      const out = json(r) as {
        valid: boolean;
        errors: { path: string; code: string; message: string; line?: number }[];
      };
      assert.equal(out.valid, false);
      assert.deepEqual(
        out.errors.map((e) => [e.path, e.code]),
        [
          ['awsSts.region', 'INVALID_CONFIG'],
          ['awsSts.roleMappings[0].roleArn', 'INVALID_ROLE_ARN'],
          ['awsSts.roleMappings[0].matcher', 'INVALID_MATCHER'],
          ['awsSts.sessionDuration', 'INVALID_CONFIG'],
        ]
      );
      assert.ok(
        out.errors.every((e) => typeof e.message === 'string' && typeof e.line === 'number')
      );
    },
  },
  {
    name: 'validate: problems as text',
    args: ['validate', '--config', badArn],
    code: 1,
    check: (r) =>
      assert.match(
        r.stdout,
        /^invalid: .*1 problem\(s\)\n {2}line 8:\d+ {2}awsSts\.fallbackRoleArn {2}\[INVALID_ROLE_ARN\] invalid IAM role ARN format: not a role ARN/
      ),
  },
  {
    name: 'validate: YAML syntax error',
    args: ['validate', '--config', badSyntax, '--json'],
    code: 1,
    check: (r) =>
      assert.match(
        JSON.stringify(json(r)),
        /"code":"INVALID_CONFIG","message":"YAML syntax error at line 3/
      ),
  },
  {
    name: 'validate: missing file',
    args: ['validate', '--config', join(dir, 'missing.yaml'), '--json'],
    code: 2,
    check: (r) =>
      assert.deepEqual(errorOf(r), {
        code: 'INVALID_INPUT',
        message: `cannot read ${join(dir, 'missing.yaml')}: no such file`,
      }),
  },
  {
    name: 'validate: a directory',
    args: ['validate', '--config', folder],
    code: 2,
    check: (r) => assert.match(r.stderr, /^error: cannot read .*folder: it is a directory\n$/),
  },
  {
    name: 'validate: unknown flag',
    args: ['validate', '--config', config, '--bogus', '--json'],
    code: 2,
    check: (r) =>
      assert.match(
        errorOf(r).message ?? '',
        /^unknown flag --bogus; run "validate --help" for usage$/
      ),
  },
  {
    name: 'validate: missing --config',
    args: ['validate'],
    code: 2,
    check: (r) =>
      assert.equal(r.stderr, 'error: --config is required; run "validate --help" for usage\n'),
  },
  {
    name: 'validate: flag without value',
    args: ['validate', '--config'],
    code: 2,
    check: (r) => assert.match(r.stderr, /--config needs a value/),
  },
  {
    name: 'validate: positional argument',
    args: ['validate', config],
    code: 2,
    check: (r) => assert.match(r.stderr, /unexpected argument/),
  },
  {
    name: 'role: matcher wins by priority, JSON shape',
    args: ['role', '--config', config, '--claims', claims, '--json'],
    code: 0,
    check: (r) => {
      const out = json(r);
      assert.equal(out.roleArn, ARN('Admin'));
      assert.deepEqual(out.matched, {
        index: 1,
        roleArn: ARN('Admin'),
        matcher: '"admins" in claims["groups"]',
        priority: 1,
      });
      assert.equal(out.fallback, false);
      assert.equal(out.sessionName, 'user123');
      const trace = out.trace as { index: number; outcome: string; chosen: boolean }[];
      assert.deepEqual(
        trace.map((t) => [t.index, t.outcome, t.chosen]),
        [
          [0, 'matched', false],
          [1, 'matched', true],
        ]
      );
    },
  },
  {
    name: 'role: claims from stdin',
    args: ['role', '--config', config, '--claims', '-', '--json'],
    stdin: '{"sub":"u1","groups":"admins"}',
    code: 0,
    check: (r) => assert.deepEqual([json(r).roleArn, json(r).fallback], [ARN('Default'), true]),
  },
  {
    name: 'role: token decoded locally',
    args: ['role', '--config', config, '--token', unsignedJwt, '--json'],
    code: 0,
    check: (r) => assert.equal(json(r).roleArn, ARN('Admin')),
  },
  {
    name: 'role: token from stdin',
    args: ['role', '--config', config, '--token', '-', '--json'],
    stdin: `${unsignedJwt}\n`,
    code: 0,
    check: (r) => assert.equal(json(r).sessionName, 'user123'),
  },
  {
    name: 'role: bad token is INVALID_INPUT and never echoed',
    args: ['role', '--config', config, '--token', SECRET_LOOKING, '--json'],
    code: 2,
    check: (r) => {
      assert.equal(errorOf(r).code, 'INVALID_INPUT');
      assert.ok(!r.stdout.includes(SECRET_LOOKING) && !r.stderr.includes(SECRET_LOOKING));
    },
  },
  {
    name: 'role: invalid session name is reported, role still chosen',
    args: ['role', '--config', config, '--claims', pipeClaims, '--json'],
    code: 0,
    check: (r) => {
      const out = json(r);
      assert.equal(out.roleArn, ARN('S3ReadOnly'));
      assert.equal(out.sessionName, undefined);
      assert.equal((out.sessionNameError as { code: string }).code, 'INVALID_SESSION_NAME');
    },
  },
  {
    name: 'role: --sanitize-session-name',
    args: ['role', '--config', config, '--claims', pipeClaims, '--json', '--sanitize-session-name'],
    code: 0,
    check: (r) =>
      assert.deepEqual([json(r).sessionName, json(r).sessionNameSanitized], ['auth0-123', true]),
  },
  {
    name: 'role: missing session claim',
    args: ['role', '--config', config, '--claims', noSub, '--json'],
    code: 0,
    check: (r) =>
      assert.equal(
        (json(r).sessionNameError as { code: string }).code,
        'MISSING_SESSION_NAME_CLAIM'
      ),
  },
  {
    name: 'role: no mapping and no fallback',
    args: ['role', '--config', noFallback, '--claims', noSub, '--json'],
    code: 1,
    check: (r) => {
      assert.equal(errorOf(r).code, 'NO_ROLE_MAPPING');
      assert.equal((json(r).trace as unknown[]).length, 2);
    },
  },
  {
    name: 'role: invalid region',
    args: ['role', '--config', badRegion, '--claims', claims, '--json'],
    code: 1,
    check: (r) => assert.equal(errorOf(r).code, 'INVALID_CONFIG'),
  },
  {
    name: 'role: invalid role ARN',
    args: ['role', '--config', badArn, '--claims', claims, '--json'],
    code: 1,
    check: (r) => assert.equal(errorOf(r).code, 'INVALID_ROLE_ARN'),
  },
  {
    name: 'role: invalid matcher',
    args: ['role', '--config', badMatcher, '--claims', claims, '--json'],
    code: 1,
    check: (r) => assert.equal(errorOf(r).code, 'INVALID_MATCHER'),
  },
  {
    name: 'role: no role configured',
    args: ['role', '--config', noRole, '--claims', claims, '--json'],
    code: 1,
    check: (r) => assert.equal(errorOf(r).code, 'MISSING_ROLE_CONFIG'),
  },
  {
    name: 'role: malformed claims JSON',
    args: ['role', '--config', config, '--claims', badJson, '--json'],
    code: 2,
    check: (r) => assert.match(errorOf(r).message ?? '', /is not valid JSON/),
  },
  {
    name: 'role: claims not an object',
    args: ['role', '--config', config, '--claims', listJson],
    code: 2,
    check: (r) => assert.match(r.stderr, /must be a JSON object of claims .*got a list/),
  },
  {
    name: 'role: both claims and token',
    args: ['role', '--config', config, '--claims', claims, '--token', unsignedJwt],
    code: 2,
    check: (r) => assert.match(r.stderr, /exactly one of --claims/),
  },
  {
    name: 'role: readable summary',
    args: ['role', '--config', config, '--claims', claims],
    code: 0,
    check: (r) => {
      assert.match(
        r.stdout,
        /^Role: arn:aws:iam::123456789012:role\/Admin\nSession name: user123 \(claim sub\)\n/
      );
      assert.match(
        r.stdout,
        /\n→ \[1\] matcher "admins" in claims\["groups"\] \(priority 1\): matched/
      );
    },
  },
  {
    name: 'role: text error is one line',
    args: ['role', '--config', badMatcher, '--claims', claims],
    code: 1,
    check: (r) =>
      assert.match(
        r.stderr,
        /^error: awsSts\.roleMappings\[0\]\.matcher: role mapping at index 0: invalid CEL matcher expression: [^\n]*\n$/
      ),
  },
];

describe('sandbox CLI', { concurrency: 8 }, () => {
  for (const c of cases) {
    it(c.name, async () => {
      const run = await cli(c.args, c.stdin);
      assert.equal(
        run.code,
        c.code,
        `exit ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`
      );
      assert.doesNotMatch(run.stderr + run.stdout, /\n\s+at .+:\d+:\d+/, 'no stack traces');
      c.check(run);
    });
  }
});
