// The in-browser mode's STS: the tutorial's account seeded in the page, the STS emulator core's
// msw handlers on a same-origin URL, and a token from the in-page issuer. Nothing leaves the page.
import type { JWTPayload } from 'jose';
import type { AccountState } from '@toolhive-aws-sts/sandbox/emulators/state';
import { stsHandlers, type StsExplanation } from '@toolhive-aws-sts/sandbox/emulators/sts-core';
import { installMockHandlers } from '@site/src/mocks/mockWorker';
import { inPageIssuer } from './inPageIssuer';
import { OTHER_AUDIENCE } from './constants';
import { tutorialAccount } from './tutorialAccount';
import type { BrowserInputs } from './types';

export interface BrowserSts {
  issuer: string;
  token: string;
  state: AccountState;
  /** The emulator's explanation of the last STS call it answered. */
  lastExplanation(): StsExplanation | undefined;
}

function readClaims(json: string, fail: (title: string, message: string) => never): JWTPayload {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail('The claims are not valid JSON', why);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      'The claims must be a JSON object',
      'For example {"sub": "alice@example.com", "groups": ["s3-readers"]}.'
    );
  }
  // The issuer sets these; the reader edits the rest.
  const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...claims } = value as JWTPayload;
  return claims;
}

/**
 * Signs the reader's token, seeds the tutorial's account (with a broken trust policy if asked)
 * and points the service worker's STS handlers at it for the next call.
 * @example const sts = await prepareBrowserSts(inputs, fail); await exchangeToken({ token: sts.token, … });
 */
export async function prepareBrowserSts(
  inputs: BrowserInputs,
  fail: (title: string, message: string) => never
): Promise<BrowserSts> {
  const claims = readClaims(inputs.claimsJson, fail);
  const issuer = await inPageIssuer();
  const token = await issuer.sign(claims, {
    audience: inputs.tokenAudience.trim(),
    expired: inputs.tokenExpired,
  });
  const account = tutorialAccount(
    issuer.issuer,
    inputs.breakTrustAudience ? OTHER_AUDIENCE : undefined
  );
  let last: StsExplanation | undefined;
  await installMockHandlers(
    inputs.worker,
    stsHandlers({
      state: account.state,
      resolveJwks: () => issuer.jwks,
      url: inputs.stsEndpoint,
      onExplain: (explain) => {
        last = explain;
      },
    })
  );
  return { issuer: issuer.issuer, token, state: account.state, lastExplanation: () => last };
}
