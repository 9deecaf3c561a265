// Runs the proxy's sequence once, step by step: token, role, STS request and answer, SigV4 of a
// sample MCP call (never sent). Every rule comes from the sandbox core; this only orders calls.

import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  compileRoleMapper,
  evaluateRoleMappings,
  summarizeSelection,
} from '@toolhive-aws-sts/sandbox/roles';
import { extractSessionName } from '@toolhive-aws-sts/sandbox/session';
import { createStsClient, exchangeToken, StsExchangeError } from '@toolhive-aws-sts/sandbox/sts';
import type { StsCredentials } from '@toolhive-aws-sts/sandbox/sts';
import { isAwsStsError } from '@toolhive-aws-sts/sandbox/errors';
import { awsStsConfigFor } from '@toolhive-aws-sts/sandbox/account';
import { TUTORIAL_VALUES, tutorialValuesWith } from '@toolhive-aws-sts/sandbox/policy';
import { assumeRoleCliCommand, mask, maskCredentialsXml, shorten } from './display';
import { prepareBrowserSts, type BrowserSts } from './browserSts';
import { recordStsExchange, type RecordedExchange } from './recordStsExchange';
import { signSampleMcpCall } from './sampleMcpCall';
import type {
  ExchangeInputs,
  ExchangeProgress,
  Explanation,
  RoleStep,
  StsResponseStep,
  TokenStep,
  WalkthroughStep,
} from './types';

const TOTAL = 5;

class Stop extends Error {}

/** Collects steps and reports each change. */
class Progress {
  private steps: WalkthroughStep[] = [];
  constructor(private readonly report: (progress: ExchangeProgress) => void) {}

  add(step: WalkthroughStep, announcement: string, done = false): void {
    this.steps = [...this.steps.filter((s) => s.id !== step.id), step];
    this.report({ steps: this.steps, announcement, done });
  }

  /** Ends the run with a problem that stopped it before or outside STS. */
  fail(title: string, message: string): never {
    this.add({ id: 'problem', title, message }, `${title}: ${message}`, true);
    throw new Stop();
  }
}

function describeExpiry(exp: unknown): string {
  if (typeof exp !== 'number') return 'no exp claim';
  const minutes = Math.round((exp * 1000 - Date.now()) / 60000);
  const when = new Date(exp * 1000).toISOString();
  return minutes < 0
    ? `${when} (expired ${-minutes} minutes ago)`
    : `${when} (in ${minutes} minutes)`;
}

function readToken(token: string, source: string, progress: Progress): TokenStep {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = { ...decodeProtectedHeader(token) };
    claims = { ...decodeJwt(token) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return progress.fail(
      'The token is not a JWT',
      `${why}. Paste the whole access token (three base64url parts separated by dots).`
    );
  }
  return {
    id: 'token',
    source,
    shortToken: shorten(token),
    header,
    claims,
    expiry: describeExpiry(claims.exp),
  };
}

function chooseRole(
  inputs: ExchangeInputs,
  claims: Record<string, unknown>,
  progress: Progress
): RoleStep {
  const config = awsStsConfigFor(tutorialValuesWith());
  let session;
  try {
    session = extractSessionName(claims, config.sessionNameClaim);
  } catch (error) {
    const message = isAwsStsError(error) ? `${error.code}: ${error.message}` : String(error);
    return progress.fail('ToolHive would refuse the token (401)', message);
  }
  const common = {
    id: 'role' as const,
    sessionName: session.sessionName,
    sessionClaim: session.claim,
    durationSeconds: config.sessionDuration,
  };
  if (inputs.mode === 'aws') {
    return {
      ...common,
      roleArn: inputs.roleArn.trim(),
      summary: 'The role ARN you entered (ToolHive would pick it with its roleMappings).',
      trace: [],
    };
  }
  const evaluation = evaluateRoleMappings(compileRoleMapper(config), claims);
  if (evaluation.roleArn === null) {
    return progress.fail('No role for these claims (403)', summarizeSelection(evaluation));
  }
  return {
    ...common,
    roleArn: evaluation.roleArn,
    summary: summarizeSelection(evaluation),
    trace: evaluation.trace,
  };
}

function credentialsView(credentials: StsCredentials) {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: mask(credentials.secretAccessKey),
    sessionToken: mask(credentials.sessionToken),
    expiration: credentials.expiration.toISOString(),
    assumedRoleArn: credentials.assumedRoleArn,
  };
}

function unreachableFix(inputs: ExchangeInputs): string {
  if (inputs.mode === 'local') {
    return `Nothing answered at ${inputs.stsEndpoint}. Start the local sandbox with "npm run sandbox" in a clone of this repository, wait for its ready line, and try again. If it is running, check the STS emulator URL it printed, and that it allows this page's origin (npm run sandbox -- --allowed-origin ${globalThis.location.origin}).`;
  }
  if (inputs.mode === 'aws') {
    return 'The browser did not complete the request: it was blocked (CORS, an extension or a proxy) or STS could not be reached. Run the AWS CLI command below instead; it makes the same unsigned call.';
  }
  return 'The in-page STS emulator did not answer. Reload the page and try again.';
}

function explanationOf(browser: BrowserSts | undefined): Explanation | undefined {
  const explain = browser?.lastExplanation();
  if (explain === undefined) return undefined;
  const statements = explain.trust?.evaluation.statements ?? [];
  return {
    step: explain.step,
    detail: explain.detail,
    checks: statements.flatMap((s) => s.checks),
  };
}

function requestStep(wire: NonNullable<RecordedExchange['request']>): WalkthroughStep {
  const headers = Object.entries(wire.headers);
  const form = [...new URLSearchParams(wire.body)].map(
    ([name, value]) => [name, name === 'WebIdentityToken' ? shorten(value) : value] as const
  );
  return {
    id: 'stsRequest',
    method: wire.method,
    url: wire.url,
    headers,
    form,
    hasAuthorization: headers.some(([name]) => name.toLowerCase() === 'authorization'),
  };
}

/**
 * Runs the exchange for `inputs`, reporting every step through `report` as it completes.
 * Resolves when the run ends (success or a shown failure); it does not throw for STS errors.
 * @example await runExchange({ mode: 'local', token, stsEndpoint: 'http://127.0.0.1:4102/' }, setProgress);
 */
export async function runExchange(
  inputs: ExchangeInputs,
  report: (progress: ExchangeProgress) => void
): Promise<void> {
  const progress = new Progress(report);
  try {
    await run(inputs, progress);
  } catch (error) {
    if (error instanceof Stop) return;
    const message = error instanceof Error ? error.message : String(error);
    progress.add(
      { id: 'problem', title: 'The walkthrough failed', message },
      `The walkthrough failed: ${message}`,
      true
    );
  }
}

async function run(inputs: ExchangeInputs, progress: Progress): Promise<void> {
  let browser: BrowserSts | undefined;
  let token: string;
  let source: string;
  if (inputs.mode === 'browser') {
    browser = await prepareBrowserSts(inputs, (title, message) => progress.fail(title, message));
    token = browser.token;
    source = `Signed in this page by ${browser.issuer} (RS256, WebCrypto)`;
  } else {
    token = inputs.token.trim();
    source =
      inputs.mode === 'local'
        ? 'Pasted (from the local sandbox OIDC provider)'
        : 'Pasted (your identity provider)';
    if (token === '') progress.fail('No token', 'Paste an access token (JWT) first.');
  }
  const tokenStep = readToken(token, source, progress);
  progress.add(
    tokenStep,
    `Step 1 of ${TOTAL}: token decoded, subject ${String(tokenStep.claims.sub)}.`
  );

  const role = chooseRole(inputs, tokenStep.claims, progress);
  progress.add(
    role,
    `Step 2 of ${TOTAL}: role ${role.roleArn || '(none)'}, session name ${role.sessionName}.`
  );

  const region = inputs.mode === 'aws' ? inputs.region.trim() : TUTORIAL_VALUES.region;
  const endpoint = inputs.mode === 'aws' ? undefined : inputs.stsEndpoint;
  const client = createStsClient({ region, ...(endpoint ? { endpoint } : {}) });
  const wire = recordStsExchange(client, (request) =>
    progress.add(
      requestStep(request),
      `Step 3 of ${TOTAL}: STS request sent to ${request.url}, without an Authorization header.`
    )
  );
  const cliCommand = inputs.mode === 'aws' ? assumeRoleCliCommand({ ...role, region }) : undefined;
  const answer = (outcome: StsResponseStep['outcome']): StsResponseStep => ({
    id: 'stsResponse',
    status: wire.response?.status,
    xml: wire.response ? maskCredentialsXml(wire.response.body) : undefined,
    outcome,
    explain: explanationOf(browser),
    cliCommand,
  });

  let credentials: StsCredentials;
  try {
    credentials = await exchangeToken({
      token,
      roleArn: role.roleArn,
      sessionName: role.sessionName,
      durationSeconds: role.durationSeconds,
      region,
      client,
    });
  } catch (error) {
    if (error instanceof StsExchangeError) {
      const network = wire.response === undefined;
      const fix = network ? unreachableFix(inputs) : error.reason;
      const message = error.summary.message ?? (network ? 'No response' : '');
      const what = network
        ? `no answer from STS (${error.stsCode})`
        : `STS refused with ${error.stsCode}: ${message}`;
      progress.add(
        answer({ ok: false, code: error.stsCode, message, fix }),
        `Step 4 of ${TOTAL}: ${what}. Fix: ${fix}`,
        true
      );
      return;
    }
    const message = isAwsStsError(error) ? `${error.code}: ${error.message}` : String(error);
    return progress.fail('ToolHive would not call STS', message);
  } finally {
    client.destroy();
  }
  progress.add(
    answer({ ok: true, credentials: credentialsView(credentials) }),
    `Step 4 of ${TOTAL}: STS issued temporary credentials ${credentials.accessKeyId}.`
  );

  const signing = await signSampleMcpCall(token, credentials, region, browser);
  progress.add(
    signing,
    `Step 5 of ${TOTAL}: the MCP call is signed with AWS4-HMAC-SHA256 (not sent). Done.`,
    true
  );
}
