import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { signForUpstream } from '../../signing';
import type { IssuedCredentials } from '../state';
import { createAwsMcpServer, type AwsMcpServerHandle } from './createAwsMcpServer';
import { createSignedFetch } from './signedFetch';
import { issueTestCredentials, tutorialTestAccount } from '../../../test/support/accounts';

const REGION = 'us-east-1';
const START = new Date('2026-06-01T12:00:00Z');
const HOUR = 3600_000;

/** A settable clock shared by the server and the signing clients. */
const clock = { now: START };
const state = tutorialTestAccount();
const alice = issueTestCredentials(
  state,
  'S3ReadOnlyMCPRole',
  'alice',
  new Date(START.getTime() + HOUR)
);
const bob = issueTestCredentials(state, 'DefaultMCPRole', 'bob', new Date(START.getTime() + HOUR));
let server: AwsMcpServerHandle;
let url: string;

function textOf(result: unknown): string {
  const content = (result as CallToolResult).content;
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

async function connect(credentials: IssuedCredentials): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: createSignedFetch({ credentials, region: REGION, now: () => clock.now }),
  });
  const client = new Client({ name: 'emulator-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
});

/** A signed initialize request, as raw headers and body, for tampering and replay. */
async function signedInitialize(
  credentials: Pick<IssuedCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>,
  signingDate: Date,
  over: { region?: string; service?: string } = {}
): Promise<{ headers: Record<string, string>; body: string }> {
  const body = INITIALIZE;
  const { headers } = await signForUpstream(
    {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: new TextEncoder().encode(body),
    },
    credentials,
    { region: over.region ?? REGION, service: over.service ?? 'aws-mcp', signingDate }
  );
  delete headers.host;
  return { headers, body };
}

async function post(headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers, body });
}

before(async () => {
  server = createAwsMcpServer({ state, region: REGION, now: () => clock.now, throttle: false });
  ({ url } = await server.listen(0, '127.0.0.1'));
});

after(async () => {
  await server.close();
});

describe('AWS MCP Server emulator with the MCP SDK client', () => {
  let aliceClient: Client;
  let bobClient: Client;

  before(async () => {
    aliceClient = await connect(alice);
    bobClient = await connect(bob);
  });

  after(async () => {
    await aliceClient.close();
    await bobClient.close();
  });

  it('lists the tools under the real server’s names', async () => {
    const { tools } = await aliceClient.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [
      'aws___call_aws',
      'aws___list_regions',
      'aws___read_documentation',
      'aws___run_script',
      'aws___search_documentation',
    ]);
    const callAws = tools.find((t) => t.name === 'aws___call_aws');
    assert.match(callAws?.description ?? '', /deprecated on 2026-07-15 and removed on 2026-08-31/);
  });

  const callAwsCases: {
    name: string;
    who: 'alice' | 'bob';
    command: string;
    isError: boolean;
    expect: RegExp;
  }[] = [
    {
      name: 'get-caller-identity returns the assumed-role ARN (S3 role)',
      who: 'alice',
      command: 'aws sts get-caller-identity',
      isError: false,
      expect: /"Arn": "arn:aws:sts::123456789012:assumed-role\/S3ReadOnlyMCPRole\/alice"/,
    },
    {
      name: 'get-caller-identity is allowed by the default role',
      who: 'bob',
      command: 'aws sts get-caller-identity',
      isError: false,
      expect: /"UserId": "AROADEFAULTEXAMPLE01:bob"/,
    },
    {
      name: 'the S3 role lists example-bucket',
      who: 'alice',
      command: 'aws s3api list-objects-v2 --bucket example-bucket',
      isError: false,
      expect: /"Key": "reports\/2026-q1.csv"/,
    },
    {
      name: 'the default role is denied s3:ListBucket',
      who: 'bob',
      command: 'aws s3api list-objects-v2 --bucket example-bucket',
      isError: true,
      expect:
        /^An error occurred \(AccessDenied\) when calling the ListObjectsV2 operation: User: arn:aws:sts::123456789012:assumed-role\/DefaultMCPRole\/bob is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::example-bucket" because no identity-based policy allows the s3:ListBucket action$/,
    },
    {
      name: 'the S3 role reads an object',
      who: 'alice',
      command: 'aws s3api get-object --bucket example-bucket --key README.txt out.txt',
      isError: false,
      expect: /Hello from the ToolHive AWS STS sandbox/,
    },
    {
      name: 'the default role is denied s3:GetObject on the object ARN',
      who: 'bob',
      command: 'aws s3api get-object --bucket example-bucket --key README.txt out.txt',
      isError: true,
      expect: /s3:GetObject on resource: "arn:aws:s3:::example-bucket\/README.txt"/,
    },
    {
      name: 'aws s3 ls lists buckets for the S3 role',
      who: 'alice',
      command: 'aws s3 ls',
      isError: false,
      expect: /^2026-01-15 10:00:00 example-bucket$/m,
    },
    {
      name: 'aws s3 ls needs s3:ListAllMyBuckets',
      who: 'bob',
      command: 'aws s3 ls',
      isError: true,
      expect: /ListBuckets operation: .* s3:ListAllMyBuckets because no identity-based policy/,
    },
    {
      name: 'an unsupported command names the supported ones',
      who: 'alice',
      command: 'aws ec2 describe-instances',
      isError: true,
      expect: /not supported.*aws sts get-caller-identity.*aws s3api list-objects-v2/,
    },
  ];

  for (const c of callAwsCases) {
    it(`aws___call_aws: ${c.name}`, async () => {
      const client = c.who === 'alice' ? aliceClient : bobClient;
      const result = await client.callTool({
        name: 'aws___call_aws',
        arguments: { cli_command: c.command },
      });
      assert.equal(result.isError === true, c.isError, textOf(result));
      assert.match(textOf(result), c.expect);
    });
  }

  const scriptCases: {
    name: string;
    who: 'alice' | 'bob';
    code: string;
    isError: boolean;
    expect: RegExp;
  }[] = [
    {
      name: 'runs the calls in order and returns their results',
      who: 'alice',
      code: [
        "me = call_boto3(service_name='sts', operation_name='GetCallerIdentity')",
        "objects = call_boto3(service_name='s3', operation_name='ListObjectsV2', Bucket='example-bucket', Prefix='reports/')",
        'print(me, objects)',
      ].join('\n'),
      isError: false,
      expect:
        /"operation": "GetCallerIdentity"[\s\S]*assumed-role\/S3ReadOnlyMCPRole\/alice[\s\S]*"operation": "ListObjectsV2"[\s\S]*"Key": "reports\/2026-q1.csv"/,
    },
    {
      name: 'stops at a denied call with the AccessDenied text',
      who: 'bob',
      code: "call_boto3(service_name='sts', operation_name='GetCallerIdentity')\ncall_boto3(service_name='s3', operation_name='ListObjectsV2', Bucket='example-bucket')",
      isError: true,
      expect:
        /Results before the error:[\s\S]*DefaultMCPRole\/bob[\s\S]*botocore\.exceptions\.ClientError: An error occurred \(AccessDenied\) when calling the ListObjectsV2 operation: .*s3:ListBucket/,
    },
    {
      name: 'refuses code without call_boto3',
      who: 'alice',
      code: "import boto3\nprint(boto3.client('s3').list_buckets())",
      isError: true,
      expect: /No call_boto3\(\.\.\.\) call found/,
    },
  ];

  for (const c of scriptCases) {
    it(`aws___run_script: ${c.name}`, async () => {
      const client = c.who === 'alice' ? aliceClient : bobClient;
      const result = await client.callTool({
        name: 'aws___run_script',
        arguments: { code: c.code },
      });
      assert.equal(result.isError === true, c.isError, textOf(result));
      assert.match(textOf(result), c.expect);
    });
  }

  it('aws___search_documentation finds the tutorial for "awsSts"', async () => {
    const result = await aliceClient.callTool({
      name: 'aws___search_documentation',
      arguments: { search_phrase: 'awsSts', limit: 3 },
    });
    const hits = JSON.parse(textOf(result)) as { title: string; url: string; snippet: string }[];
    assert.equal(hits[0]?.url, '/toolhive/tutorials/aws-sts-integration');
    assert.match(hits[0]?.snippet ?? '', /awsSts/);
  });

  it('aws___read_documentation returns a page found by search', async () => {
    const result = await aliceClient.callTool({
      name: 'aws___read_documentation',
      arguments: { url: '/toolhive/tutorials/aws-sts-integration', max_length: 500 },
    });
    assert.equal(result.isError, undefined);
    assert.match(textOf(result), /^# AWS STS authentication for the AWS MCP Server/);
    assert.match(textOf(result), /start_index=500/);
  });

  it('aws___list_regions marks the AWS MCP Server Regions', async () => {
    const result = await aliceClient.callTool({ name: 'aws___list_regions', arguments: {} });
    const regions = JSON.parse(textOf(result)) as { region_id: string; aws_mcp_server: boolean }[];
    assert.equal(regions.find((r) => r.region_id === 'eu-central-1')?.aws_mcp_server, true);
    assert.equal(regions.find((r) => r.region_id === 'us-east-2')?.aws_mcp_server, false);
  });

  it('counts tool calls and denials in stats()', () => {
    const stats = server.stats();
    assert.ok((stats.toolCalls.aws___call_aws ?? 0) >= callAwsCases.length);
    assert.ok(stats.awsCalls.denied >= 4);
    assert.ok(stats.sessions >= 2);
  });
});

describe('AWS MCP Server emulator SigV4 failures', () => {
  const cases: {
    name: string;
    request: () => Promise<{ headers: Record<string, string>; body: string }>;
    at?: Date;
    status: number;
    errorType: string;
    message: RegExp;
  }[] = [
    {
      name: 'an unsigned request',
      request: async () => ({ headers: { 'content-type': 'application/json' }, body: INITIALIZE }),
      status: 403,
      errorType: 'MissingAuthenticationTokenException',
      message: /Missing Authentication Token/,
    },
    {
      name: 'a forged signature',
      request: async () => {
        const signed = await signedInitialize(alice, START);
        signed.headers.authorization = (signed.headers.authorization ?? '').replace(
          /Signature=([0-9a-f])/,
          (_m, first: string) => `Signature=${first === '0' ? '1' : '0'}`
        );
        return signed;
      },
      status: 403,
      errorType: 'InvalidSignatureException',
      message: /signature we calculated does not match/,
    },
    {
      name: 'a body changed after signing',
      request: async () => {
        const signed = await signedInitialize(alice, START);
        return { headers: signed.headers, body: signed.body.replace('"raw"', '"evil"') };
      },
      status: 403,
      errorType: 'InvalidSignatureException',
      message: /signature we calculated does not match/,
    },
    {
      name: 'a signature for another service',
      request: () => signedInitialize(alice, START, { service: 'iam' }),
      status: 403,
      errorType: 'InvalidSignatureException',
      message: /scoped to correct service: 'aws-mcp'/,
    },
    {
      name: 'a signature for another Region',
      request: () => signedInitialize(alice, START, { region: 'eu-west-1' }),
      status: 403,
      errorType: 'InvalidSignatureException',
      message: /valid region/,
    },
    {
      name: 'an access key STS never issued',
      request: () =>
        signedInitialize(
          { accessKeyId: 'ASIAUNKNOWNEXAMPLE1', secretAccessKey: 'x', sessionToken: 't' },
          START
        ),
      status: 403,
      errorType: 'UnrecognizedClientException',
      message: /security token included in the request is invalid/,
    },
    {
      name: 'a security token that does not match the issued one',
      request: () => signedInitialize({ ...alice, sessionToken: 'forged-token' }, START),
      status: 403,
      errorType: 'UnrecognizedClientException',
      message: /security token included in the request is invalid/,
    },
    {
      name: 'a replay within the skew window after the credentials expired',
      request: () => signedInitialize(alice, new Date(alice.expiration.getTime() - 60_000)),
      at: new Date(alice.expiration.getTime() + 60_000),
      status: 403,
      errorType: 'ExpiredTokenException',
      message: /security token included in the request is expired/,
    },
    {
      name: 'a replay long after signing',
      request: () => signedInitialize(alice, START),
      at: new Date(START.getTime() + 2 * HOUR),
      status: 403,
      errorType: 'InvalidSignatureException',
      message: /Signature expired/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const { headers, body } = await c.request();
      clock.now = c.at ?? START;
      try {
        const response = await post(headers, body);
        assert.equal(response.status, c.status);
        assert.equal(response.headers.get('x-amzn-errortype'), c.errorType);
        const json = (await response.json()) as { message: string };
        assert.match(json.message, c.message);
      } finally {
        clock.now = START;
      }
    });
  }

  it('accepts the same signed request before it is replayed too late', async () => {
    const { headers, body } = await signedInitialize(alice, START);
    const response = await post(headers, body);
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('mcp-session-id'));
    await response.body?.cancel();
  });

  it('answers GET /mcp with 405, as the real server does', async () => {
    const { headers } = await signForUpstream({ method: 'GET', url, headers: {} }, alice, {
      region: REGION,
      signingDate: START,
    });
    delete headers.host;
    const response = await fetch(url, { headers });
    assert.equal(response.status, 405);
    await response.body?.cancel();
  });
});

describe('AWS MCP Server emulator throttling', () => {
  const throttleClock = { now: START };
  let throttled: AwsMcpServerHandle;
  let throttledUrl: string;

  before(async () => {
    throttled = createAwsMcpServer({
      state,
      region: REGION,
      now: () => throttleClock.now,
      throttle: {}, // AWS's documented rate
    });
    ({ url: throttledUrl } = await throttled.listen(0, '127.0.0.1'));
  });

  after(async () => {
    await throttled.close();
  });

  async function signedPost(): Promise<Response> {
    const body = new TextEncoder().encode(INITIALIZE);
    const { headers } = await signForUpstream(
      {
        method: 'POST',
        url: throttledUrl,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body,
      },
      alice,
      { region: REGION, signingDate: throttleClock.now }
    );
    delete headers.host;
    return fetch(throttledUrl, { method: 'POST', headers, body });
  }

  it('answers 429 with Retry-After once the burst is spent, and recovers with time', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await signedPost();
      statuses.push(response.status);
      if (response.status === 429) {
        assert.equal(response.headers.get('retry-after'), '1');
        assert.equal(response.headers.get('x-amzn-errortype'), 'ThrottlingException');
        assert.deepEqual(await response.json(), { message: 'Rate exceeded' });
      } else {
        await response.body?.cancel();
      }
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    throttleClock.now = new Date(START.getTime() + 1000);
    const later = await signedPost();
    assert.equal(later.status, 200);
    await later.body?.cancel();
    assert.equal(throttled.stats().throttled, 1);
  });
});
