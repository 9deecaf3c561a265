// The `token` link, offline: what the proxy's OIDC middleware and STS check before any key is
// fetched: shape, alg, kid, the claims STS requires, exp/nbf/iat against the clock, and iss/aud
// against the MCPOIDCConfig and MCPRemoteProxy. It does not verify the signature (checkJwks).

// The modules directly: the sts-core index also holds the msw handlers and the sts index the AWS
// SDK client, neither of which a page may load.
import { CLOCK_SKEW_SECONDS, decodeWebIdentityToken } from '../emulators/sts-core/webIdentityToken';
import { STS_ALGORITHMS } from '../sts/algorithms';
import { duration, isoTime, quoted } from './format';
import { audiences, type TokenFacts } from './readToken';
import type { Setup } from './readSetup';
import { fail, pass } from './report';
import { urlDifference } from './urls';
import type { DoctorCheck } from './types';

/** How far `iat` may lie ahead of this machine's clock before the doctor calls it skew. */
export const IAT_TOLERANCE_SECONDS = 60;

export interface TokenCheckContext {
  facts: TokenFacts;
  /** The token text, only to let STS's own reader judge the claims. */
  token: string;
  setup: Setup;
  now: Date;
  /** This machine's clock minus the issuer's (its `Date` header), when known. */
  skewSeconds?: number;
}

interface Problem {
  message: string;
  fix: string;
}

const FRESH_TOKEN =
  'get a fresh token from the IdP (for the sandbox: npm run --silent cli -- token --user NAME)';

/**
 * Every offline check of the token; the first problem is the message, the rest are details.
 * @example checkToken({ facts, token, setup, now: new Date() }).status
 */
export function checkToken(context: TokenCheckContext): DoctorCheck {
  const { facts } = context;
  const name = `token ${facts.fingerprint}`;
  if (facts.problem !== undefined || !facts.header || !facts.claims) {
    return fail(
      'token',
      `${name}: ${facts.problem ?? 'not a JWT'}`,
      'pass the access token itself (a JWT: three base64url parts separated by dots), from a file or standard input; an opaque token cannot be exchanged with STS'
    );
  }
  const problems = [
    ...headerProblems(facts.header),
    ...claimProblems(context.token),
    ...timeProblems(facts.claims, context.now, context.skewSeconds),
    ...configProblems(facts.claims, context.setup),
  ];
  const [first, ...rest] = problems;
  if (first !== undefined) {
    return fail(
      'token',
      `${name}: ${first.message}`,
      first.fix,
      rest.map((p) => `${p.message} (fix: ${p.fix})`)
    );
  }
  const claims = facts.claims;
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const left = exp - Math.floor(context.now.getTime() / 1000);
  const matched = [
    context.setup.oidc?.issuer !== undefined ? 'iss matches the MCPOIDCConfig' : undefined,
    context.setup.proxy?.audience !== undefined ? 'aud has the proxy audience' : undefined,
  ].filter((part) => part !== undefined);
  return pass(
    'token',
    `${name}: sub ${JSON.stringify(claims.sub)}, iss ${String(claims.iss)}, aud ${quoted(audiences(claims))}, ${String(facts.header.alg)} kid ${JSON.stringify(facts.header.kid)}, expires in ${duration(left)}${matched.length > 0 ? `; ${matched.join(', ')}` : ''}`,
    skewNote(context.skewSeconds)
  );
}

function headerProblems(header: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const alg = header.alg;
  if (typeof alg !== 'string' || !(STS_ALGORITHMS as readonly string[]).includes(alg)) {
    problems.push({
      message: `alg ${JSON.stringify(alg ?? null)} is not accepted: ToolHive's OIDC middleware takes RSA and ECDSA signatures and STS accepts only ${STS_ALGORITHMS.join(', ')}`,
      fix: "configure the IdP (its authorization server or app's token signing) to sign access tokens with RS256",
    });
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    problems.push({
      message:
        'the header has no kid: ToolHive looks the signing key up by kid and answers 401 "token header missing kid"',
      fix: 'configure the IdP to put the signing key id (kid) in its access tokens; most do unless the token is a custom one',
    });
  }
  if (header.crit !== undefined) {
    problems.push({
      message: `the header marks ${JSON.stringify(header.crit)} as critical extensions, which the verifiers do not understand`,
      fix: 'issue tokens without the crit header parameter',
    });
  }
  return problems;
}

/** STS's own reader decides whether iss, sub, aud, exp and integer timestamps are there. */
function claimProblems(token: string): Problem[] {
  try {
    decodeWebIdentityToken(token);
    return [];
  } catch (error) {
    const detail = (error as { detail?: unknown }).detail;
    const reason = typeof detail === 'string' ? detail : 'STS cannot read its claims.';
    return [
      {
        message: `STS would refuse it with InvalidIdentityToken: ${reason}`,
        fix: 'use a JWT access token with iss, sub, aud and exp (integer seconds); an ID token for another client or a custom token format will not do',
      },
    ];
  }
}

function timeProblems(
  claims: Record<string, unknown>,
  now: Date,
  skewSeconds: number | undefined
): Problem[] {
  const problems: Problem[] = [];
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const clock = clockAdvice(skewSeconds);
  const { exp, nbf, iat } = claims;
  if (typeof exp === 'number' && exp <= nowSeconds) {
    const sts =
      nowSeconds <= exp + CLOCK_SKEW_SECONDS
        ? `; STS would still take it for ${duration(exp + CLOCK_SKEW_SECONDS - nowSeconds)}, but ToolHive checks first`
        : '';
    problems.push({
      message: `expired ${duration(nowSeconds - exp)} ago (exp ${isoTime(exp)}): ToolHive's OIDC middleware answers 401${sts}`,
      fix: clock ?? FRESH_TOKEN,
    });
  }
  if (typeof nbf === 'number' && nbf > nowSeconds) {
    problems.push({
      message: `not valid for another ${duration(nbf - nowSeconds)} (nbf ${isoTime(nbf)}): ToolHive answers 401 until then`,
      fix: clock ?? futureFix(skewSeconds),
    });
  }
  if (typeof iat === 'number' && iat > nowSeconds + IAT_TOLERANCE_SECONDS) {
    problems.push({
      message: `issued ${duration(iat - nowSeconds)} in the future (iat ${isoTime(iat)}): the IdP's clock and this machine's disagree`,
      fix: clock ?? futureFix(skewSeconds),
    });
  }
  return problems;
}

/** When the issuer's Date header shows this machine's clock is off, that is the fix. */
function clockAdvice(skewSeconds: number | undefined): string | undefined {
  if (skewSeconds === undefined || Math.abs(skewSeconds) < IAT_TOLERANCE_SECONDS) return undefined;
  const way = skewSeconds > 0 ? 'ahead of' : 'behind';
  return `this machine's clock is ${duration(skewSeconds)} ${way} the issuer's (its Date header): synchronise it (NTP) and run doctor again`;
}

/** A token from the future when this machine's clock is not the culprit (or not known to be). */
function futureFix(skewSeconds: number | undefined): string {
  return skewSeconds === undefined
    ? "compare this machine's clock (date -u) with the IdP's and synchronise the one that is off (NTP), then get a fresh token; online, doctor compares them through the issuer's Date header"
    : "this machine's clock agrees with the issuer's Date header, so the IdP signs tokens with times ahead of real time: synchronise the IdP's signing clock (NTP), then get a fresh token";
}

function skewNote(skewSeconds: number | undefined): string[] {
  if (skewSeconds === undefined) return [];
  const way = skewSeconds >= 0 ? 'ahead of' : 'behind';
  return [`this machine's clock is ${duration(skewSeconds)} ${way} the issuer's Date header`];
}

function configProblems(claims: Record<string, unknown>, setup: Setup): Problem[] {
  const problems: Problem[] = [];
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined;
  const configured = setup.oidc?.issuer;
  if (iss !== undefined && configured !== undefined && iss.trim() !== configured.trim()) {
    problems.push({
      message: `iss ${iss} is not the MCPOIDCConfig issuer ${configured} (${urlDifference(configured.trim(), iss.trim()) ?? 'they differ'}): ToolHive compares them character for character and answers 401`,
      fix: `set spec.inline.issuer: ${iss} in the MCPOIDCConfig, or use a token from ${configured}`,
    });
  }
  const audience = setup.proxy?.audience;
  const tokenAudiences = audiences(claims);
  if (audience !== undefined && !tokenAudiences.includes(audience)) {
    const near = tokenAudiences.find((aud) => aud.toLowerCase() === audience.toLowerCase());
    problems.push({
      message: `aud ${quoted(tokenAudiences)} does not contain the MCPRemoteProxy audience "${audience}"${near ? ` ("${near}" differs only in letter case)` : ''}: ToolHive answers 401`,
      fix: `set spec.oidcConfigRef.audience in the MCPRemoteProxy to the token's aud (${quoted(tokenAudiences)}), or have the IdP issue tokens for "${audience}"`,
    });
  }
  return problems;
}
