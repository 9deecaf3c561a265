// The tutorial's "who am I" tools/call, as an MCP client sends it to ToolHive and as ToolHive
// would sign it for the AWS MCP Server. It signs and (in-browser mode) verifies; it never sends.
import { verifySigV4 } from '@toolhive-aws-sts/sandbox/signing';
import type { StsCredentials } from '@toolhive-aws-sts/sandbox/sts';
import { mask, shorten } from './display';
import type { BrowserSts } from './browserSts';
import { signAndTrace } from './sigv4Trace';
import type { Pair, SigningStep } from './types';

/** `call-whoami.json` from the tutorial's Step 6. */
const WHOAMI_CALL = {
  jsonrpc: '2.0',
  id: 3,
  method: 'tools/call',
  params: {
    name: 'aws___run_script',
    arguments: {
      code: "r = await call_boto3(service_name='sts', operation_name='GetCallerIdentity', region_name='us-east-1')\nprint(r['Arn'])",
    },
  },
};

/** What the MCP client sends to ToolHive, apart from its bearer token. */
const CLIENT_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2025-06-18',
  'mcp-session-id': '3f9c2a1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  'x-forwarded-for': '203.0.113.7',
  connection: 'keep-alive',
};

/** The AWS MCP Server endpoint of a region. */
export function awsMcpEndpoint(region: string): string {
  return `https://aws-mcp.${region}.api.aws/mcp`;
}

function hideSessionToken(text: string, sessionToken: string): string {
  return sessionToken === '' ? text : text.split(sessionToken).join(mask(sessionToken));
}

/**
 * Signs the sample call with `credentials` exactly as the proxy would (signForUpstream) and shows
 * the canonical request, string to sign and headers, with the session token masked.
 */
export async function signSampleMcpCall(
  token: string,
  credentials: StsCredentials,
  region: string,
  browser: BrowserSts | undefined
): Promise<SigningStep> {
  const url = awsMcpEndpoint(region);
  const text = JSON.stringify(WHOAMI_CALL, null, 2);
  const body = new TextEncoder().encode(text);
  const signingDate = new Date();
  const signed = await signAndTrace(
    { method: 'POST', url, headers: { authorization: `Bearer ${token}`, ...CLIENT_HEADERS }, body },
    credentials,
    { region, signingDate }
  );
  const incoming: Pair[] = [
    ['authorization', `Bearer ${shorten(token)}`],
    ...Object.entries(CLIENT_HEADERS),
  ];
  const sent = new Set(Object.keys(signed.headers));
  let verified: string | undefined;
  if (browser !== undefined) {
    const result = await verifySigV4(
      { method: 'POST', url: new URL(url).pathname, headers: signed.headers, body },
      (accessKeyId) => browser.state.findCredentials(accessKeyId),
      { service: 'aws-mcp', region, now: new Date() }
    );
    verified = result.ok
      ? `The AWS MCP Server emulator (verifySigV4) accepts this signature for ${result.accessKeyId}.`
      : `The AWS MCP Server emulator rejects it: ${result.code}: ${result.message}`;
  }
  return {
    id: 'signing',
    method: 'POST',
    url,
    body: text,
    incoming,
    dropped: incoming
      .map(([name]) => name)
      .filter((name) => name === 'authorization' || !sent.has(name)),
    canonicalRequest: hideSessionToken(signed.trace.canonicalRequest, credentials.sessionToken),
    stringToSign: signed.trace.stringToSign,
    authorization: signed.trace.authorization,
    headers: Object.entries(signed.headers).map(
      ([name, value]) => [name, name === 'x-amz-security-token' ? mask(value) : value] as const
    ),
    verified,
  };
}
