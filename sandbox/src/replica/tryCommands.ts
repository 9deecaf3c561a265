// The copy-paste commands the banner prints for a running replica: get a token, curl the proxy,
// call a tool, connect an MCP client. Text only; it runs nothing and never contains a token.

import { DEFAULT_PUBLIC_CLIENT_ID } from '../emulators/oidc';

/** The MCP protocol revision the curl commands speak (the tutorial's). */
export const CURL_PROTOCOL_VERSION = '2025-06-18';

const JSON_HEADERS = [
  `-H 'Content-Type: application/json'`,
  `-H 'Accept: application/json, text/event-stream'`,
];

/** One titled group of shell lines. */
export interface TryStep {
  title: string;
  lines: string[];
}

export interface TryCommandUrls {
  proxy: string;
  issuer: string;
}

/**
 * The steps, in the tutorial's order (Step 6: no token, token, initialize, tools), using the
 * tutorial's variable names (`MCP_URL`, `TOKEN`, `SESSION_ID`).
 * @example tryCommands({ proxy: 'http://127.0.0.1:4100/mcp', issuer: 'http://127.0.0.1:4101' })[0]?.title
 */
export function tryCommands(urls: TryCommandUrls): TryStep[] {
  const inSession = [
    `-H "Authorization: Bearer $TOKEN"`,
    `-H "Mcp-Session-Id: $SESSION_ID"`,
    `-H 'MCP-Protocol-Version: ${CURL_PROTOCOL_VERSION}'`,
    ...JSON_HEADERS,
  ].join(' ');
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: CURL_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'curl', version: '1.0.0' },
    },
  });
  const script = [
    `call_boto3(service_name="sts", operation_name="GetCallerIdentity")`,
    `call_boto3(service_name="s3", operation_name="ListObjectsV2", Bucket="example-bucket")`,
  ].join('\n');
  const toolCall = JSON.stringify({
    jsonrpc: '2.0',
    id: 2,
    method: 'tools/call',
    params: { name: 'aws___run_script', arguments: { code: script } },
  });
  return [
    {
      title: 'Without a token the proxy answers 401 with WWW-Authenticate:',
      lines: [
        `export MCP_URL=${urls.proxy}`,
        `curl -i -X POST "$MCP_URL" ${JSON_HEADERS.join(' ')} -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'`,
      ],
    },
    {
      title: 'Get an access token for alice (or bob, carol) from the local IdP:',
      lines: [
        `export TOKEN=$(npm run --silent cli -- token --issuer ${urls.issuer} --user alice)`,
        `# or sign in in a browser with oauth2c and click a user:`,
        `# export TOKEN=$(oauth2c ${urls.issuer} --client-id ${DEFAULT_PUBLIC_CLIENT_ID} --response-types code --response-mode query --grant-type authorization_code --auth-method none --pkce --scopes openid,profile,email --silent | jq -r .access_token)`,
      ],
    },
    {
      title: 'Open an MCP session through the proxy (token -> role -> STS -> SigV4):',
      lines: [
        `curl -sS -D headers.txt -X POST "$MCP_URL" -H "Authorization: Bearer $TOKEN" ${JSON_HEADERS.join(' ')} -d '${initialize}'`,
        `export SESSION_ID=$(grep -i '^mcp-session-id:' headers.txt | cut -d' ' -f2 | tr -d '\\r')`,
      ],
    },
    {
      title:
        'Ask who you are and list example-bucket (alice: S3ReadOnlyMCPRole and the objects; bob: DefaultMCPRole and AccessDenied):',
      lines: [
        `curl -sS -X POST "$MCP_URL" ${inSession} -d '${toolCall.replaceAll("'", "'\\''")}' | sed -n 's/^data: //p' | jq -r '.result.content[].text'`,
      ],
    },
    {
      title: 'Or connect an MCP client: run the MCP Inspector, choose Streamable HTTP,',
      lines: [
        `npx @modelcontextprotocol/inspector`,
        `#   URL ${urls.proxy}, header Authorization: Bearer <the value of $TOKEN>`,
        `# VS Code (.vscode/mcp.json), asking for the token when it starts the server:`,
        `# ${vsCodeConfig(urls.proxy, urls.issuer)}`,
      ],
    },
  ];
}

/**
 * A VS Code `mcp.json` for the proxy that prompts for the token instead of storing it.
 * @example JSON.parse(vsCodeConfig('http://127.0.0.1:4100/mcp', 'http://127.0.0.1:4101')).servers['aws-sandbox'].type // 'http'
 */
export function vsCodeConfig(proxyUrl: string, issuer: string): string {
  return JSON.stringify({
    servers: {
      'aws-sandbox': {
        type: 'http',
        url: proxyUrl,
        headers: { Authorization: 'Bearer ${input:sandbox-token}' },
      },
    },
    inputs: [
      {
        id: 'sandbox-token',
        type: 'promptString',
        description: `Access token from: npm run --silent cli -- token --issuer ${issuer} --user alice`,
        password: true,
      },
    ],
  });
}
