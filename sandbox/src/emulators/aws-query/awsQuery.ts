// The AWS Query protocol as the STS and IAM emulators speak it: form parameters in, XML out, the
// ErrorResponse envelope and request ids. It knows no operation; the emulators dispatch on Action.

/** A request as an emulator sees it: no streams, no Node types, so the browser can build one. */
export interface QueryRequest {
  method: string;
  /** The form-encoded body (`Action=…&Version=…`), '' when there is none. */
  body: string;
  headers?: Readonly<Record<string, string | undefined>>;
  /** The request URL; only its query string is read, and only for GET. */
  url?: string;
}

/** An emulator's answer: everything an HTTP layer (node:http, msw) needs to reply. */
export interface QueryResponse {
  status: number;
  headers: Record<string, string>;
  /** XML text. */
  body: string;
}

/**
 * The request's parameters: the form body for POST, the query string for GET. Field order does
 * not matter (SDK versions put `Action`/`Version` first or last).
 * @example queryParameters({ method: 'POST', body: 'Version=2011-06-15&Action=X' }).get('Action') // 'X'
 */
export function queryParameters(request: QueryRequest): URLSearchParams {
  if (request.method.toUpperCase() === 'GET') {
    return new URL(request.url ?? '/', 'http://localhost').searchParams;
  }
  return new URLSearchParams(request.body);
}

/**
 * A list member sent as `Name.member.1`, `Name.member.2`, … in index order, stopping at a gap
 * (as AWS does); `undefined` when the list was not sent at all.
 * @example queryList(new URLSearchParams('L.member.1=a&L.member.2=b'), 'L') // ['a', 'b']
 */
export function queryList(params: URLSearchParams, name: string): string[] | undefined {
  const values: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i += 1) {
    values.push(params.get(`${name}.member.${i}`) ?? '');
  }
  if (values.length > 0) return values;
  return params.has(name) ? [] : undefined;
}

/**
 * A list of structures sent as `Name.member.N.Field`, e.g. Tags as `Key`/`Value` pairs.
 * @example queryStructList(params, 'Tags', ['Key', 'Value']) // [{ Key: 'team', Value: 'a' }]
 */
export function queryStructList<F extends string>(
  params: URLSearchParams,
  name: string,
  fields: readonly F[]
): Record<F, string | undefined>[] {
  const items: Record<F, string | undefined>[] = [];
  for (let i = 1; fields.some((f) => params.has(`${name}.member.${i}.${f}`)); i += 1) {
    const item = {} as Record<F, string | undefined>;
    for (const f of fields) item[f] = params.get(`${name}.member.${i}.${f}`) ?? undefined;
    items.push(item);
  }
  return items;
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for an XML element or attribute value.
 * @example escapeXml('a<b & "c"') // 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * `<Tag>escaped value</Tag>`, or '' when the value is undefined (optional members are omitted).
 * @example xmlElement('RoleName', 'Dev') // '<RoleName>Dev</RoleName>'
 */
export function xmlElement(tag: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/**
 * A list as AWS Query responses carry it: `<Name><member>…</member>…</Name>`.
 * @example membersXml('ClientIDList', ['a']) // '<ClientIDList><member>a</member></ClientIDList>'
 */
export function membersXml(name: string, values: readonly string[]): string {
  return `<${name}>${values.map((v) => xmlElement('member', v)).join('')}</${name}>`;
}

/**
 * A timestamp as AWS Query responses carry it: ISO 8601, UTC, whole seconds.
 * @example isoSeconds(new Date('2026-01-01T00:00:00.123Z')) // '2026-01-01T00:00:00Z'
 */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A fresh request id (a UUID, as STS and IAM use), from WebCrypto.
 * @example newRequestId() // 'c0a8…'
 */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A successful `<ActionResponse>` with its `<ActionResult>` (omitted when `result` is undefined,
 * as for IAM's Delete* calls) and `ResponseMetadata`.
 * @example queryResponse(STS_NS, 'AssumeRoleWithWebIdentity', '<Credentials>…</Credentials>', id)
 */
export function queryResponse(
  namespace: string,
  action: string,
  result: string | undefined,
  requestId: string
): QueryResponse {
  const inner = result === undefined ? '' : `\n  <${action}Result>${result}</${action}Result>`;
  const body = `<${action}Response xmlns="${namespace}">${inner}
  <ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>
</${action}Response>
`;
  return { status: 200, headers: xmlHeaders(requestId), body };
}

/**
 * The Query protocol's `ErrorResponse`; `Type` is `Sender` below 500 and `Receiver` above.
 * @example queryError(STS_NS, 403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', id)
 */
export function queryError(
  namespace: string,
  status: number,
  code: string,
  message: string,
  requestId: string
): QueryResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse xmlns="${namespace}">
  <Error>
    <Type>${type}</Type>
    <Code>${escapeXml(code)}</Code>
    <Message>${escapeXml(message)}</Message>
  </Error>
  <RequestId>${escapeXml(requestId)}</RequestId>
</ErrorResponse>
`;
  return { status, headers: xmlHeaders(requestId), body };
}

function xmlHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId };
}
