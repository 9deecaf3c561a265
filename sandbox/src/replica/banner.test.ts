// What the sandbox prints: the banner (URLs, roles, users and what each gets, commands that use
// the real URLs and valid JSON bodies), the ready line, and the one-line logs. No secrets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_USERS } from '../emulators/oidc/users';
import { AccountState } from '../emulators/state';
import { behaviourLines, renderBanner } from './banner';
import { describeDemoUsers } from './demoUsers';
import { formatProxyLogLine, formatStsDecision } from './logLines';
import { replicaPorts } from './ports';
import { readyMessage } from './readyMessage';
import type { Replica } from './startReplica';
import { tryCommands } from './tryCommands';
import { tutorialSetup } from './tutorialSetup';

const ISSUER = 'http://127.0.0.1:4101';

function replicaAtDefaultPorts(): Replica {
  const side = tutorialSetup({ issuer: ISSUER });
  return {
    urls: {
      proxy: 'http://127.0.0.1:4100/mcp',
      issuer: ISSUER,
      sts: 'http://127.0.0.1:4102/',
      iam: 'http://127.0.0.1:4103/',
      upstream: 'http://127.0.0.1:4104/mcp',
    },
    ports: replicaPorts(),
    audience: 'toolhive-aws',
    source: side.source,
    config: side.config,
    roles: side.roles,
    users: describeDemoUsers(DEFAULT_USERS, side.config),
    accountId: side.values.accountId,
    allowedOrigins: [],
    mode: 'toolhive',
    cache: false,
    throttle: false,
    state: new AccountState(),
    close: async () => undefined,
  };
}

describe('renderBanner', () => {
  const banner = renderBanner(replicaAtDefaultPorts());

  it('lists every service with its URL', () => {
    for (const [label, url] of [
      ['awsSts proxy', 'http://127.0.0.1:4100/mcp'],
      ['OIDC provider', 'http://127.0.0.1:4101'],
      ['STS emulator', 'http://127.0.0.1:4102/'],
      ['IAM emulator', 'http://127.0.0.1:4103/'],
      ['AWS MCP Server emulator', 'http://127.0.0.1:4104/mcp'],
    ] as const) {
      assert.match(banner, new RegExp(`${label}.*${url.replaceAll('.', '\\.')}`));
    }
    assert.match(banner, /--endpoint-url http:\/\/127\.0\.0\.1:4103\b/);
  });

  it("shows the tutorial's roles and what each demo user gets", () => {
    assert.match(banner, /DefaultMCPRole +fallback; preset default/);
    assert.match(banner, /S3ReadOnlyMCPRole +groups contains s3-readers; preset s3-read-only/);
    assert.match(banner, /alice +groups \[s3-readers\] +-> S3ReadOnlyMCPRole, session name alice/);
    assert.match(banner, /bob +groups \[\] +-> DefaultMCPRole \(fallback\), session name bob/);
    assert.match(
      banner,
      /carol +groups \[s3-readers\] +-> 401 Invalid session name \(sub "auth0\|carol"\)/
    );
  });

  it('says the proxy runs the ToolHive mode, and how to get the enhanced one', () => {
    assert.match(banner, /ToolHive mode \(the default\): every answer is the one ToolHive gives/);
    assert.match(banner, /Restart with --enhanced for the credential cache/);
    assert.match(banner, /AWS MCP Server emulator: not throttled; --throttle applies/);
  });

  it('gives the token command with the issuer, and no token', () => {
    assert.match(
      banner,
      /export TOKEN=\$\(npm run --silent cli -- token --issuer http:\/\/127\.0\.0\.1:4101 --user alice\)/
    );
    assert.match(banner, /oauth2c http:\/\/127\.0\.0\.1:4101 --client-id sandbox-cli/);
    assert.match(banner, /npx @modelcontextprotocol\/inspector/);
    assert.doesNotMatch(banner, /eyJ[\w-]+\.[\w-]+/, 'a JWT in the banner');
  });
});

describe('behaviourLines', () => {
  it('the enhanced mode, with and without its cache, and the throttle', () => {
    const on = behaviourLines({ mode: 'enhanced', cache: true, throttle: true }).join('\n');
    assert.match(on, /enhanced mode \(--enhanced\): credential cache on/);
    assert.match(on, /Without --enhanced the proxy answers exactly as ToolHive does/);
    assert.match(on, /throttled at AWS's documented 3 requests per second \(--throttle\)/);
    const off = behaviourLines({ mode: 'enhanced', cache: false, throttle: false }).join('\n');
    assert.match(off, /credential cache off \(--no-cache\)/);
  });
});

describe('tryCommands', () => {
  const steps = tryCommands({ proxy: 'http://127.0.0.1:4100/mcp', issuer: ISSUER });

  it('sends JSON bodies that parse, including the aws___run_script call', () => {
    const bodies = steps
      .flatMap((step) => step.lines)
      .filter((line) => line.startsWith('curl '))
      .flatMap((line) => [...line.matchAll(/ -d '((?:[^']|'\\'')*)'/g)].map((m) => m[1] ?? ''));
    assert.equal(bodies.length, 3);
    const parsed = bodies.map(
      (body) => JSON.parse(body.replaceAll("'\\''", "'")) as { method: string }
    );
    assert.deepEqual(
      parsed.map((body) => body.method),
      ['tools/list', 'initialize', 'tools/call']
    );
    assert.match(bodies[2] ?? '', /GetCallerIdentity.*ListObjectsV2.*example-bucket/);
  });

  it("uses the tutorial's variable names", () => {
    const text = steps.flatMap((step) => step.lines).join('\n');
    for (const name of ['MCP_URL', 'TOKEN', 'SESSION_ID'])
      assert.match(text, new RegExp(`\\$${name}\\b`));
  });
});

describe('readyMessage', () => {
  it('carries the URLs and the users without their subjects', () => {
    const message = readyMessage(replicaAtDefaultPorts());
    assert.deepEqual(Object.keys(message).slice(0, 10), [
      'ready',
      'mode',
      'proxyMode',
      'credentialCache',
      'throttle',
      'proxyUrl',
      'issuerUrl',
      'stsUrl',
      'iamUrl',
      'upstreamUrl',
    ]);
    assert.equal(message.proxyUrl, 'http://127.0.0.1:4100/mcp');
    assert.deepEqual(
      [message.proxyMode, message.credentialCache, message.throttle],
      ['toolhive', false, false]
    );
    assert.deepEqual(message.users[2], { name: 'carol', groups: ['s3-readers'] });
  });
});

describe('log lines', () => {
  it('turns a proxy request line into one readable line', () => {
    const line = formatProxyLogLine(
      JSON.stringify({
        msg: 'request',
        method: 'POST',
        path: '/mcp',
        status: 200,
        durationMs: 12.5,
        roleArn: 'arn:aws:iam::123456789012:role/DefaultMCPRole',
        roleFallback: true,
        sessionName: 'bob',
        cache: 'miss',
      })
    );
    assert.equal(
      line,
      'proxy  POST /mcp -> 200, role DefaultMCPRole (fallback), session bob, credentials miss (12.5 ms)'
    );
  });

  it('names the failing stage and the STS code', () => {
    const line = formatProxyLogLine(
      JSON.stringify({
        method: 'POST',
        path: '/mcp',
        status: 403,
        failure: { stage: 'sts', sts: { code: 'AccessDenied', message: 'Not authorized' } },
      })
    );
    assert.equal(line, 'proxy  POST /mcp -> 403, failed at sts: AccessDenied Not authorized');
    assert.equal(formatProxyLogLine('not json\n'), 'not json');
  });

  it('shows an STS decision with its reason unless issued', () => {
    const base = {
      action: 'AssumeRoleWithWebIdentity',
      roleArn: 'arn:aws:iam::123456789012:role/DefaultMCPRole',
      sessionName: 'bob',
    };
    assert.equal(
      formatStsDecision({ ...base, step: 'issued', outcome: 'Issued', detail: 'ok' }),
      'sts    AssumeRoleWithWebIdentity DefaultMCPRole/bob -> Issued'
    );
    assert.equal(
      formatStsDecision({ ...base, step: 'trustPolicy', outcome: 'AccessDenied', detail: 'sub' }),
      'sts    AssumeRoleWithWebIdentity DefaultMCPRole/bob -> AccessDenied: sub'
    );
  });
});
