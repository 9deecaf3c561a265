// GetCallerIdentity: who signed the request. The SigV4 signature is verified against the
// temporary credentials AssumeRoleWithWebIdentity issued; no policy is evaluated, because the call
// needs no permission and cannot be denied (STS API reference, GetCallerIdentity).

import { verifySigV4 } from '../../signing';
import type { SigV4ErrorCode } from '../../signing';
import type { IssuedCredentials } from '../state';
import { StsRefusal } from './assumeRoleWithWebIdentity';
import type { QueryRequest } from '../aws-query';
import { stsFaults } from './stsFaults';
import type { StsFault } from './stsFaults';
import type { StsEnvironment, StsExplanation } from './types';

/** The SigV4 credential scope's service for STS. */
const STS_SIGNING_SERVICE = 'sts';

/** What a successful call returns. */
export interface CallerIdentity {
  credentials: IssuedCredentials;
  explain: StsExplanation;
}

/** The verifier's failure as STS's Query protocol names it on the wire. */
function faultFor(code: SigV4ErrorCode, message: string, accessKeyId: string): StsFault {
  switch (code) {
    case 'MissingAuthenticationToken':
      return stsFaults.missingAuthentication();
    case 'IncompleteSignatureException':
      return stsFaults.incompleteSignature(message);
    case 'InvalidSignatureException':
    case 'RequestExpired':
      return stsFaults.signatureDoesNotMatch(message);
    case 'UnrecognizedClientException':
      return stsFaults.unknownAccessKey(accessKeyId);
    case 'InvalidClientTokenId':
      return stsFaults.sessionTokenMismatch(accessKeyId);
  }
}

/** The access key id of the Authorization header, for explanations ('' when there is none). */
function accessKeyIdOf(request: QueryRequest): string {
  const header = Object.entries(request.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'authorization'
  )?.[1];
  return /Credential=([A-Z0-9]+)\//.exec(header ?? '')?.[1] ?? '';
}

/**
 * The request's headers, with `host` taken from the URL when the transport hid it (fetch and
 * msw drop the header the client signed).
 */
function receivedHeaders(request: QueryRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  if (headers.host === undefined && /^https?:\/\//i.test(request.url ?? '')) {
    headers.host = new URL(request.url ?? '').host;
  }
  return headers;
}

/**
 * Verifies the request's SigV4 signature (service `sts`, any Region) with the secret of the
 * issued credentials it names, then returns those credentials. Refusals are STS's:
 * MissingAuthenticationToken, IncompleteSignature, SignatureDoesNotMatch (wrong secret, altered
 * request, clock skew), InvalidClientTokenId (unknown key or session token) and ExpiredToken.
 * @example (await getCallerIdentity(request, env)).credentials.assumedRoleArn
 */
export async function getCallerIdentity(
  request: QueryRequest,
  env: StsEnvironment
): Promise<CallerIdentity> {
  const accessKeyId = accessKeyIdOf(request);
  const verified = await verifySigV4(
    {
      method: request.method,
      url: request.url ?? '/',
      headers: receivedHeaders(request),
      body: new TextEncoder().encode(request.method.toUpperCase() === 'GET' ? '' : request.body),
    },
    (keyId) => {
      const issued = env.state.findCredentials(keyId);
      return (
        issued && { secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken }
      );
    },
    { service: STS_SIGNING_SERVICE, now: env.now }
  );
  if (!verified.ok) {
    throw new StsRefusal(faultFor(verified.code, verified.message, accessKeyId), {});
  }
  const credentials = env.state.findCredentials(verified.accessKeyId);
  if (credentials === undefined) throw new StsRefusal(stsFaults.unknownAccessKey(accessKeyId), {});
  const facts = {
    roleArn: credentials.roleArn,
    sessionName: credentials.sessionName,
    issuer: credentials.issuer,
    subject: credentials.subject,
  };
  if (credentials.expiration.getTime() <= env.now.getTime()) {
    throw new StsRefusal(stsFaults.expiredCredentials(credentials.expiration), facts);
  }
  return {
    credentials,
    explain: {
      ...facts,
      action: 'GetCallerIdentity',
      step: 'identified',
      outcome: 'Identified',
      detail: `Signed with ${credentials.accessKeyId}, issued for ${credentials.assumedRoleArn} until ${credentials.expiration.toISOString()}.`,
    },
  };
}
