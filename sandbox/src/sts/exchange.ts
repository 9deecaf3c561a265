// Owns one AssumeRoleWithWebIdentity call: re-validate the inputs, send them unsigned, return
// redacting credentials or a mapped StsExchangeError. It does not cache (cache.ts) or pick roles.

import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import type { STSClient } from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { createStsClient, defaultStsEndpoint } from './client';
import type { StsClientOptions } from './client';
import { StsCredentials } from './credentials';
import { StsExchangeError, mapStsError } from './errors';
import { DEFAULT_SESSION_DURATION, validateExchangeInput } from './validate';

export interface ExchangeTokenInput extends Omit<StsClientOptions, 'region'> {
  /** The caller's bearer token (already validated by the OIDC step). */
  token: string;
  roleArn: string;
  /** `RoleSessionName`, from `sessionNameClaim`. */
  sessionName: string;
  /** `DurationSeconds` = awsSts `sessionDuration`; 900–43200, default 3600. */
  durationSeconds?: number;
  /** STS region; also names the default endpoint `https://sts.<region>.amazonaws.com`. */
  region: string;
  /**
   * A client from `createStsClient`, reused across calls. When given, `endpoint`,
   * `requestHandler`, `maxAttempts` and `timeoutMs` are ignored.
   */
  client?: STSClient;
}

/**
 * Exchanges a web identity token for temporary credentials of `roleArn`.
 * @example
 * const creds = await exchangeToken({ token, roleArn, sessionName: 'alice', region: 'us-east-1' });
 */
export async function exchangeToken(input: ExchangeTokenInput): Promise<StsCredentials> {
  const durationSeconds = input.durationSeconds ?? DEFAULT_SESSION_DURATION;
  validateExchangeInput({ ...input, durationSeconds });

  const client = input.client ?? createStsClient(input);
  const endpoint = input.client ? undefined : (input.endpoint ?? defaultStsEndpoint(input.region));
  try {
    const output = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        WebIdentityToken: input.token,
        DurationSeconds: durationSeconds,
      })
    );
    const c = output.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new StsExchangeError({
        kind: 'failed',
        code: 'MissingCredentials',
        reason: 'STS answered without a complete credential set',
        summary: {
          code: 'MissingCredentials',
          ...(output.$metadata.requestId ? { requestId: output.$metadata.requestId } : {}),
        },
      });
    }
    return new StsCredentials({
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
      ...(output.AssumedRoleUser?.Arn ? { assumedRoleArn: output.AssumedRoleUser.Arn } : {}),
      ...(output.SubjectFromWebIdentityToken
        ? { subject: output.SubjectFromWebIdentityToken }
        : {}),
    });
  } catch (error) {
    if (error instanceof StsExchangeError) throw error;
    throw new StsExchangeError(
      mapStsError(error, {
        token: input.token,
        roleArn: input.roleArn,
        region: input.region,
        ...(endpoint ? { endpoint } : {}),
        ...issuerOf(input.token),
      })
    );
  } finally {
    if (!input.client) client.destroy();
  }
}

/** The token's `iss`, read without verification, only to make an error message concrete. */
function issuerOf(token: string): { issuer?: string } {
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === 'string' ? { issuer: iss } : {};
  } catch {
    return {};
  }
}
