// The sandbox page cannot drift: every command it shows runs, in page order, in one shell session
// against sandboxes started as the page starts them (default mode first, on free ports in place of
// 4100-4104), with the real AWS CLI; every output it shows is compared with what ran, and its label
// names the mode that gave it. The table of differences between the modes is checked against the
// proxy's failure table.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TokenError } from '../../sandbox/src/auth';
import { AwsStsError } from '../../sandbox/src/errors';
import {
  ENHANCED_CLOCK_TOLERANCE_SECONDS,
  ProxyError,
  statusForError,
  TOOLHIVE_MAX_BODY_BYTES,
  TOOLHIVE_STS_MAX_ATTEMPTS,
} from '../../sandbox/src/proxy';
import type { ErrorResponse, ProxyMode } from '../../sandbox/src/proxy';
import { DEFAULT_MAX_ATTEMPTS, mapStsError, StsExchangeError } from '../../sandbox/src/sts';
import { findRealAwsCli } from '../../sandbox/test/support/realAwsCli';
import { readDocPage, repoRoot } from './lib/mdx';
import type { CodeFence } from './lib/mdx';
import { createPageShell } from './lib/pageShell';
import type { PageShell } from './lib/pageShell';
import { assertHttpShown, assertJsonShown, assertTextShown, matchesShown } from './lib/shownOutput';

const page = readDocPage(`${repoRoot}/docs/toolhive/tutorials/aws-sts-sandbox.mdx`);
const tutorial = readDocPage(`${repoRoot}/docs/toolhive/tutorials/aws-sts-integration.mdx`);

/** Fences the test does not run, and why. Every other fence is run, saved or compared. */
const NOT_RUN: Record<string, string> = {
  'Start the site and the sandbox':
    'starts the docs site too; its sandbox is `npm run sandbox`, run',
  'Get a token with oauth2c': 'signs in through a browser; the `token` command runs the same flow',
  'Start the MCP Inspector': 'an interactive browser tool',
  '.vscode/mcp.json': 'a VS Code setting',
  'Run the proxy against AWS': 'talks to AWS with your IdP and roles',
};
/** Files the page asks the reader to save from the tutorial unchanged. */
const TUTORIAL_FILES = ['default-role-permissions.json', 's3-readonly-permissions.json'];
/** How an output is labeled: the mode that gives it. */
const LABEL = /\((ToolHive mode|enhanced mode|both modes)\)$/;

type Step =
  | { kind: 'file'; title: string; fence: CodeFence }
  | { kind: 'sandbox'; title: string; args: string[] }
  | { kind: 'command'; title: string; fence: CodeFence }
  | { kind: 'output'; title: string; fence: CodeFence; mode: ProxyMode | 'both' }
  | { kind: 'skip'; title: string; reason: string };

function titleOf(fence: CodeFence): string {
  return /title="([^"]+)"/.exec(fence.meta ?? '')?.[1] ?? '';
}

function stepOf(fence: CodeFence): Step | { kind: 'unknown'; title: string } {
  const title = titleOf(fence);
  const reason = NOT_RUN[title];
  if (reason !== undefined) return { kind: 'skip', title, reason };
  const label = LABEL.exec(title)?.[1];
  if (label !== undefined) {
    const mode =
      label === 'both modes' ? 'both' : label === 'ToolHive mode' ? 'toolhive' : 'enhanced';
    return { kind: 'output', title, fence, mode };
  }
  if (/^[\w.-]+\.(json|ya?ml)$/.test(title) && ['json', 'yaml'].includes(fence.lang ?? '')) {
    return { kind: 'file', title, fence };
  }
  if (fence.lang === 'bash') {
    const sandbox = /^npm run (?:--silent )?sandbox(?: -- (.*))?$/.exec(
      fence.value.replace(/\\\n\s*/g, ' ').trim()
    );
    if (sandbox)
      return { kind: 'sandbox', title, args: (sandbox[1] ?? '').split(/\s+/).filter(Boolean) };
    return { kind: 'command', title, fence };
  }
  return { kind: 'unknown', title };
}

const steps = page.fences.map(stepOf);

describe('the sandbox page: what the test does with each fence', () => {
  it('runs, saves, compares or (for a stated reason) skips every fence', () => {
    const unknown = steps.filter((step) => step.kind === 'unknown').map((step) => step.title);
    assert.deepEqual(unknown, [], 'fences the test does not know what to do with');
    const skipped = steps.filter((step) => step.kind === 'skip').map((step) => step.title);
    assert.deepEqual(skipped.sort(), Object.keys(NOT_RUN).sort(), 'NOT_RUN lists stale titles');
  });

  it('shows every output right after the command or start that prints it', () => {
    steps.forEach((step, index) => {
      if (step.kind !== 'output') return;
      const before = steps[index - 1];
      assert.ok(
        before?.kind === 'command' || before?.kind === 'sandbox',
        `"${step.title}" follows "${before?.title}", not a command`
      );
    });
    assert.ok(steps.filter((step) => step.kind === 'output').length >= 10);
  });

  it('starts the sandbox in its default mode before anything else runs', () => {
    const first = steps.find((step) => step.kind === 'sandbox' || step.kind === 'command');
    assert.ok(first?.kind === 'sandbox', 'the first command starts the sandbox');
    assert.deepEqual(first.args, [], 'as `npm run sandbox`, with no flags');
  });

  it('names the tutorial files it asks the reader to save, and the tutorial has them', () => {
    for (const name of TUTORIAL_FILES) {
      assert.match(page.source, new RegExp(`\`${name.replace('.', '\\.')}\``));
      assert.ok(
        tutorial.fences.some((fence) => titleOf(fence) === name),
        name
      );
    }
  });
});

describe('the sandbox page: every command against the sandbox, every output compared', () => {
  let shell: PageShell | undefined;
  after(() => shell?.close());

  it('runs in page order', { timeout: 20 * 60_000 }, async (t) => {
    // Not found: fails with the install command; the page's `aws iam` steps need the real CLI.
    const awsCli = findRealAwsCli();
    shell = createPageShell({ awsCli: awsCli.path });
    const session = shell;
    for (const name of TUTORIAL_FILES) {
      const fence = tutorial.fences.find((candidate) => titleOf(candidate) === name);
      session.save(name, fence?.value ?? '');
    }
    /** What the last command or start printed, with the page's ports. */
    let printed: { text: string; anyPorts: boolean; title: string } | undefined;

    for (const step of steps) {
      if (step.kind === 'skip' || step.kind === 'unknown') continue;
      await t.test(step.title, async () => {
        switch (step.kind) {
          case 'file':
            session.save(step.title, step.fence.value);
            return;
          case 'sandbox': {
            const started = await session.startSandbox(step.args);
            const mode = step.args.includes('--enhanced') ? 'enhanced' : 'toolhive';
            assert.equal(started.ready.proxyMode, mode, 'npm run sandbox runs the ToolHive mode');
            printed = {
              text: started.line,
              anyPorts: step.args.includes('--port'),
              title: step.title,
            };
            return;
          }
          case 'command': {
            assert.ok(session.sandbox, 'a sandbox runs');
            const ran = await session.run(step.fence.value);
            assert.equal(ran.code, 0, `exit ${ran.code}\n${ran.stderr}\n${ran.stdout}`);
            printed = { text: session.toPagePorts(ran.stdout), anyPorts: false, title: step.title };
            return;
          }
          case 'output': {
            assert.ok(printed, 'no command printed this');
            const mode = session.sandbox?.ready.proxyMode;
            if (step.mode !== 'both') assert.equal(mode, step.mode, 'the label names another mode');
            const where = `"${printed.title}" → "${step.title}"`;
            const shown = step.fence.value;
            if (step.fence.lang === 'json') {
              const ports = (text: string): string =>
                printed?.anyPorts ? text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT') : text;
              assertJsonShown(ports(shown), ports(printed.text), where);
            } else if (shown.startsWith('HTTP/')) {
              assertHttpShown(shown, printed.text, where);
            } else {
              assertTextShown(shown, printed.text, where);
            }
            printed = undefined;
            return;
          }
        }
      });
    }
  });
});

describe("the sandbox page's table of differences is the proxy's failure table", () => {
  const METADATA = 'http://127.0.0.1:4100/.well-known/oauth-protected-resource/mcp';
  const answer = (error: unknown, mode: ProxyMode): ErrorResponse =>
    statusForError(error, { mode, resourceMetadataUrl: METADATA, issuer: 'http://127.0.0.1:4101' });
  const sts = (code: string, status: number): StsExchangeError =>
    new StsExchangeError(
      mapStsError(
        Object.assign(new Error('no'), {
          name: code,
          Code: code,
          $metadata: { httpStatusCode: status },
        })
      )
    );
  /** Representative failures for each row of the page's table, by the row's first cell. */
  const FAILURES: Record<string, unknown[]> = {
    'No `Authorization: Bearer` header': [new TokenError('missing', 'bearer token required')],
    'Token rejected: expired, bad signature, unknown key, wrong issuer or audience': [
      new TokenError('expired', 'token has expired'),
      new TokenError('audience', 'token audience is not this resource'),
    ],
    "Token issuer's discovery document or keys unreachable": [
      new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
        detail:
          'discovery request to http://127.0.0.1:4101/.well-known/openid-configuration failed',
      }),
    ],
    'No role mapping matches and no fallback': [
      new AwsStsError('NO_ROLE_MAPPING', 'no role mapping found for JWT claims'),
    ],
    'Session name claim missing': [
      new AwsStsError('MISSING_SESSION_NAME_CLAIM', 'claim "sub" not found in token'),
    ],
    'Invalid session name, such as `auth0\\|carol`': [
      new AwsStsError('INVALID_SESSION_NAME', 'invalid session name: contains invalid characters'),
    ],
    'STS refuses or fails: trust policy, audience, throttling, outage': [
      sts('InvalidIdentityToken', 400),
      sts('AccessDenied', 403),
      sts('ValidationError', 400),
      sts('Throttling', 400),
      sts('InternalFailure', 500),
      sts('ServiceUnavailable', 503),
    ],
    'Request body over the limit': [
      new ProxyError('body_too_large', 'Request body exceeds maximum size of 10485760 bytes', {
        detail: 'Content-Length over the limit',
      }),
      new ProxyError('body_too_large', 'Request body exceeds maximum size of 10485760 bytes', {
        detail: 'limit reached while reading',
      }),
    ],
    'MCP server unreachable': [
      new ProxyError('upstream_unreachable', 'Upstream unreachable'),
      new ProxyError('upstream_timeout', 'Upstream timeout'),
    ],
    'Browser `Origin` not allowed': [new ProxyError('origin_forbidden', 'Origin not allowed')],
  };
  /** Rows about settings rather than failures, and the values they must state. */
  const SETTINGS: Record<string, [toolhive: string, enhanced: string]> = {
    'Clock skew allowed on `exp` and `nbf`': [
      'None',
      `${ENHANCED_CLOCK_TOLERANCE_SECONDS} seconds`,
    ],
    'STS calls': [
      `up to ${TOOLHIVE_STS_MAX_ATTEMPTS} attempts`,
      `${DEFAULT_MAX_ATTEMPTS} attempts`,
    ],
  };

  const start = page.source.indexOf('| Situation');
  const rows = page.source
    .slice(start, page.source.indexOf('\n\n', start))
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim())
    );

  /**
   * A body is shown when a code span of the cell matches it (`…` and `<…>` stand for anything); a
   * JSON body, by its error code and description, or a JSON-RPC error's message.
   */
  function shows(cell: string, body: string): boolean {
    const spans = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    const shown = (text: string): boolean =>
      spans.some((span) => matchesShown(span.replace(/<[^>]+>/g, '…'), text));
    if (!body.startsWith('{')) return shown(body.trimEnd());
    const json = JSON.parse(body) as {
      error: string | { message: string };
      error_description?: string;
    };
    if (typeof json.error === 'object') return /JSON-RPC/.test(cell) && shown(json.error.message);
    return /JSON/.test(cell) && shown(json.error) && shown(json.error_description ?? '');
  }

  it('lists every failure row and setting the test knows, and no other', () => {
    assert.deepEqual(
      rows.map((row) => row[0]).sort(),
      [...Object.keys(FAILURES), ...Object.keys(SETTINGS)].sort()
    );
  });

  for (const [situation, errors] of Object.entries(FAILURES)) {
    it(situation, () => {
      const [, toolhiveCell = '', enhancedCell = ''] =
        rows.find((row) => row[0] === situation) ?? [];
      for (const error of errors) {
        const toolhive = answer(error, 'toolhive');
        const enhanced = answer(error, 'enhanced');
        assert.ok(
          toolhiveCell.includes(`\`${toolhive.status}\``),
          `${toolhive.status} in "${toolhiveCell}"`
        );
        assert.ok(
          toolhive.body === ''
            ? /empty body/.test(toolhiveCell)
            : shows(toolhiveCell, toolhive.body),
          `ToolHive's ${JSON.stringify(toolhive.body)} in "${toolhiveCell}"`
        );
        assert.equal(
          /no challenge/.test(toolhiveCell),
          toolhive.status === 401 && !toolhive.headers['www-authenticate']
        );
        if (enhancedCell.startsWith('The same')) {
          assert.deepEqual([enhanced.status, enhanced.body], [toolhive.status, toolhive.body]);
          assert.equal(
            /with a challenge/.test(enhancedCell),
            Boolean(enhanced.headers['www-authenticate'])
          );
        } else {
          assert.ok(
            enhancedCell.includes(`\`${enhanced.status}\``),
            `${enhanced.status} in "${enhancedCell}"`
          );
          assert.ok(
            shows(enhancedCell, enhanced.body),
            `${JSON.stringify(enhanced.body)} in "${enhancedCell}"`
          );
        }
        if (enhanced.headers['retry-after'] !== undefined)
          assert.match(enhancedCell, /Retry-After/);
      }
    });
  }

  it('states the settings each mode runs with', () => {
    for (const [situation, [toolhive, enhanced]] of Object.entries(SETTINGS)) {
      const [, toolhiveCell = '', enhancedCell = ''] =
        rows.find((row) => row[0] === situation) ?? [];
      assert.ok(toolhiveCell.includes(toolhive), `${toolhive} in "${toolhiveCell}"`);
      assert.ok(enhancedCell.includes(enhanced), `${enhanced} in "${enhancedCell}"`);
    }
    const bodyRow = rows.find((row) => row[0] === 'Request body over the limit') ?? [];
    assert.match(
      bodyRow[1] ?? '',
      new RegExp(`^${TOOLHIVE_MAX_BODY_BYTES / 1024 / 1024} MiB limit`)
    );
  });
});
