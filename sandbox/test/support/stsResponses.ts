// Test support: STS's answers as fetch Responses (for msw handlers and the proxy harness's STS
// stub), written by the STS emulator core's own XML: the AssumeRoleWithWebIdentity result and the
// Query ErrorResponse. It decides nothing; tests choose what to answer.

import { queryError, queryResponse } from '../../src/emulators/aws-query';
import type { QueryResponse } from '../../src/emulators/aws-query';
import { STS_NAMESPACE } from '../../src/emulators/sts-core';
import { assumeRoleWithWebIdentityResultXml } from '../../src/emulators/sts-core/responseXml';
import { oidcProviderHostPath } from '../../src/emulators/state';

export interface AssumeRoleWithWebIdentityResultFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** Default: `arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice`. */
  assumedRoleArn?: string;
  /** Default: `AROAEXAMPLEEXAMPLE123`. */
  roleId?: string;
  /** Default: `alice`. */
  subject?: string;
  /** Default: `toolhive-aws`. */
  audience?: string;
  /** The token's issuer, whose provider ARN the answer names. Default: `https://idp.example.com`. */
  issuer?: string;
  /** Default: a fresh UUID. */
  requestId?: string;
}

/**
 * A 200 `AssumeRoleWithWebIdentityResponse` as the STS emulator writes it (`text/xml`,
 * `x-amzn-RequestId`).
 * @example http.post('https://sts.mock.invalid/', () => assumeRoleWithWebIdentityResponse({ accessKeyId, … }));
 */
export function assumeRoleWithWebIdentityResponse(
  fields: AssumeRoleWithWebIdentityResultFields
): Response {
  const assumedRoleArn =
    fields.assumedRoleArn ?? 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice';
  const [, account = '', roleName = '', sessionName = ''] =
    /^arn:[^:]+:sts::(\d*):assumed-role\/([^/]+)\/(.+)$/.exec(assumedRoleArn) ?? [];
  const issuer = fields.issuer ?? 'https://idp.example.com';
  const xml = assumeRoleWithWebIdentityResultXml(
    {
      accessKeyId: fields.accessKeyId,
      secretAccessKey: fields.secretAccessKey,
      sessionToken: fields.sessionToken,
      expiration: fields.expiration,
      roleArn: `arn:aws:iam::${account}:role/${roleName}`,
      roleName,
      roleId: fields.roleId ?? 'AROAEXAMPLEEXAMPLE123',
      sessionName,
      assumedRoleArn,
      subject: fields.subject ?? 'alice',
      issuer,
      audience: fields.audience ?? 'toolhive-aws',
    },
    {
      arn: `arn:aws:iam::${account}:oidc-provider/${oidcProviderHostPath(issuer)}`,
      url: issuer,
      clientIds: [],
      thumbprints: [],
      createDate: fields.expiration,
      tags: [],
    }
  );
  const requestId = fields.requestId ?? globalThis.crypto.randomUUID();
  return toResponse(queryResponse(STS_NAMESPACE, 'AssumeRoleWithWebIdentity', xml, requestId));
}

/**
 * An STS `ErrorResponse` with the given wire code and HTTP status (`Type` is `Sender` below 500).
 * @example stsErrorResponse('IDPRejectedClaim', 403, 'Incorrect token audience');
 */
export function stsErrorResponse(
  code: string,
  status: number,
  message: string,
  options: { requestId?: string; headers?: Record<string, string> } = {}
): Response {
  const requestId = options.requestId ?? globalThis.crypto.randomUUID();
  return toResponse(queryError(STS_NAMESPACE, status, code, message, requestId), options.headers);
}

function toResponse(answer: QueryResponse, headers: Record<string, string> = {}): Response {
  return new Response(answer.body, {
    status: answer.status,
    headers: { ...answer.headers, ...headers },
  });
}
