// Owns STS-shaped HTTP answers for msw: the AssumeRoleWithWebIdentity response and ErrorResponse
// XML, with STS's headers. It does not decide when to answer what (tests and emulators do).

import { HttpResponse } from 'msw';

export const STS_XML_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface AssumeRoleWithWebIdentityResultFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn?: string;
  assumedRoleId?: string;
  subject?: string;
  audience?: string;
  provider?: string;
  requestId?: string;
}

/**
 * A 200 `AssumeRoleWithWebIdentityResponse` as STS sends it (`text/xml`, `x-amzn-RequestId`).
 * @example
 * http.post('https://sts.mock.invalid/', () => assumeRoleWithWebIdentityResponse({ accessKeyId, … }));
 */
export function assumeRoleWithWebIdentityResponse(
  fields: AssumeRoleWithWebIdentityResultFields
): HttpResponse<string> {
  const requestId = fields.requestId ?? 'ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE';
  const optional = (tag: string, value: string | undefined): string =>
    value === undefined ? '' : `\n    <${tag}>${escapeXml(value)}</${tag}>`;
  const roleUser =
    fields.assumedRoleArn === undefined
      ? ''
      : `
    <AssumedRoleUser>
      <Arn>${escapeXml(fields.assumedRoleArn)}</Arn>
      <AssumedRoleId>${escapeXml(fields.assumedRoleId ?? 'AROACLKWSDQRAOEXAMPLE:session')}</AssumedRoleId>
    </AssumedRoleUser>`;
  const body = `<AssumeRoleWithWebIdentityResponse xmlns="${STS_XML_NAMESPACE}">
  <AssumeRoleWithWebIdentityResult>${optional('SubjectFromWebIdentityToken', fields.subject)}${optional('Audience', fields.audience)}${roleUser}
    <Credentials>
      <SessionToken>${escapeXml(fields.sessionToken)}</SessionToken>
      <SecretAccessKey>${escapeXml(fields.secretAccessKey)}</SecretAccessKey>
      <Expiration>${fields.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>
      <AccessKeyId>${escapeXml(fields.accessKeyId)}</AccessKeyId>
    </Credentials>${optional('Provider', fields.provider)}
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;
  return xmlResponse(body, 200, requestId);
}

/**
 * An STS `ErrorResponse` with the given wire code and HTTP status (`Type` is `Sender` below 500).
 * @example
 * stsErrorResponse('IDPRejectedClaim', 403, 'Incorrect token audience');
 */
export function stsErrorResponse(
  code: string,
  status: number,
  message: string,
  options: { requestId?: string; headers?: Record<string, string> } = {}
): HttpResponse<string> {
  const requestId = options.requestId ?? 'af0f7b07-5208-11e3-81b2-cfe47957f7e6';
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse xmlns="${STS_XML_NAMESPACE}">
  <Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>`;
  return xmlResponse(body, status, requestId, options.headers);
}

function xmlResponse(
  body: string,
  status: number,
  requestId: string,
  headers: Record<string, string> = {}
): HttpResponse<string> {
  return new HttpResponse(body, {
    status,
    headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId, ...headers },
  });
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
