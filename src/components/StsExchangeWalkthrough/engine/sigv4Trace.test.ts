// The walkthrough's SigV4 trace belongs to signForUpstream's signature: AWS's get-vanilla vector
// and the tutorial's MCP call. Run: node scripts/run-unit-tests.mjs src/components.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signForUpstream } from '@toolhive-aws-sts/sandbox/signing';
import { signAndTrace, traceSigV4 } from './sigv4Trace';

const VECTOR_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const VECTOR_DATE = new Date('2015-08-30T12:36:00Z');

test('get-vanilla: the trace is the suite canonical request and string to sign', async () => {
  const { headers, trace } = await signAndTrace(
    { method: 'GET', url: 'https://example.amazonaws.com/', headers: {}, body: new Uint8Array() },
    VECTOR_CREDENTIALS,
    { region: 'us-east-1', service: 'service', signingDate: VECTOR_DATE }
  );
  assert.equal(
    trace.canonicalRequest,
    [
      'GET',
      '/',
      '',
      'host:example.amazonaws.com',
      'x-amz-date:20150830T123600Z',
      '',
      'host;x-amz-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n')
  );
  assert.equal(
    trace.stringToSign,
    [
      'AWS4-HMAC-SHA256',
      '20150830T123600Z',
      '20150830/us-east-1/service/aws4_request',
      'bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    ].join('\n')
  );
  assert.equal(
    headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'
  );
});

const MCP_CALL = {
  method: 'POST',
  url: 'https://aws-mcp.us-east-1.api.aws/mcp',
  headers: {
    authorization: 'Bearer eyJ.client.token',
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-06-18',
    'x-forwarded-for': '203.0.113.7',
    connection: 'keep-alive',
  },
  body: new TextEncoder().encode('{"jsonrpc":"2.0","id":3,"method":"tools/call"}'),
};
const SESSION_CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
  secretAccessKey: 'secretsecretsecretsecretsecretsecret1234',
  sessionToken: 'session-token-example',
};

test('an MCP call: the trace reproduces signForUpstream exactly and names its signed headers', async () => {
  const options = { region: 'us-east-1', signingDate: new Date('2026-05-06T10:00:00Z') };
  const expected = await signForUpstream(MCP_CALL, SESSION_CREDENTIALS, options);
  const traced = await signAndTrace(MCP_CALL, SESSION_CREDENTIALS, options);
  assert.deepEqual(traced.headers, expected.headers);
  assert.equal(traced.trace.authorization, expected.headers.authorization);
  const lines = traced.trace.canonicalRequest.split('\n');
  assert.equal(lines[0], 'POST');
  assert.equal(lines[1], '/mcp');
  assert.equal(lines.at(-2), expected.signedHeaders.join(';'));
  assert.ok(lines.includes('x-amz-security-token:session-token-example'));
  assert.ok(!traced.trace.canonicalRequest.includes('x-forwarded-for'));
  assert.ok(traced.trace.stringToSign.includes('/us-east-1/aws-mcp/aws4_request'));
});

test('a trace that would not reproduce the signature is refused', async () => {
  const options = { region: 'us-east-1', signingDate: new Date('2026-05-06T10:00:00Z') };
  const signed = await signForUpstream(MCP_CALL, SESSION_CREDENTIALS, options);
  await assert.rejects(
    traceSigV4({ ...MCP_CALL, headers: signed.headers }, SESSION_CREDENTIALS, {
      ...options,
      signingDate: new Date('2026-05-06T10:00:01Z'),
    }),
    /does not reproduce/
  );
});
