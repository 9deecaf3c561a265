// The doctor command the page ends with: the core's doctorCommand with the reader's choices, the
// proxy URL their MCPRemoteProxy names, and the token only as "$TOKEN" on standard input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doctorCommand } from '@toolhive-aws-sts/sandbox/doctor';
import { EXAMPLES } from './examples';
import { CONFIG_FILE, isHttpUrl, onlineCommand, proxyUrlOf } from './onlineCommand';

const tutorial = EXAMPLES.find((e) => e.id === 'tutorial')!.build(new Date());

describe('onlineCommand', () => {
  it("pipes $TOKEN into the core's command line", () => {
    const command = onlineCommand({
      aws: true,
      exchange: true,
      proxyUrl: 'https://mcp.example.com/mcp',
    });
    const doctor = doctorCommand({
      configFile: CONFIG_FILE,
      tokenFile: '-',
      aws: true,
      exchange: true,
      proxyUrl: 'https://mcp.example.com/mcp',
    });
    assert.equal(command, `printf '%s' "$TOKEN" | ${doctor}`);
    assert.equal(
      command,
      `printf '%s' "$TOKEN" | npm run cli -- doctor --config aws-sts-setup.yaml --token - --aws --exchange --proxy https://mcp.example.com/mcp`
    );
  });

  it('leaves out what the reader did not choose, and a proxy URL that is not a URL', () => {
    assert.equal(
      onlineCommand({ aws: false, exchange: false, proxyUrl: '' }),
      `printf '%s' "$TOKEN" | npm run cli -- doctor --config aws-sts-setup.yaml --token -`
    );
    assert.doesNotMatch(
      onlineCommand({ aws: false, exchange: false, proxyUrl: 'mcp.example.com' }),
      /--proxy/
    );
  });

  it('quotes a URL the shell would otherwise split or expand', () => {
    assert.match(
      onlineCommand({
        aws: false,
        exchange: false,
        proxyUrl: 'https://mcp.example.com/mcp?a=1&b=2',
      }),
      /--proxy 'https:\/\/mcp\.example\.com\/mcp\?a=1&b=2'$/
    );
  });
});

describe('proxyUrlOf', () => {
  it("reads the MCPRemoteProxy's resourceUrl", () => {
    assert.equal(proxyUrlOf(tutorial.config), 'https://mcp.example.com/mcp');
  });

  it('gives nothing without an MCPRemoteProxy, or for unreadable YAML', () => {
    assert.equal(proxyUrlOf('awsSts:\n  region: us-east-1\n'), undefined);
    assert.equal(proxyUrlOf('awsSts: ['), undefined);
  });

  it('uses the CLI rule for URLs', () => {
    assert.equal(isHttpUrl('http://127.0.0.1:4100/mcp'), true);
    assert.equal(isHttpUrl('ftp://x'), false);
    assert.equal(isHttpUrl('https://a b'), false);
  });
});
