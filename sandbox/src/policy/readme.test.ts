// README.md: Markdown code spans that survive any value, and the steps in the right order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpan, generateReadme } from './readme';
import { tutorialValuesWith } from './input/tutorialValues';

describe('codeSpan', () => {
  const cases: [string, string][] = [
    ['s3-readers', '`s3-readers`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['"a" in claims["g"] ||\n  "b" in claims["g"]', '`"a" in claims["g"] || "b" in claims["g"]`'],
  ];
  for (const [text, span] of cases)
    it(JSON.stringify(text), () => assert.equal(codeSpan(text), span));
});

describe('generateReadme', () => {
  it('describes each role, its subjects, and the order of steps', () => {
    const values = tutorialValuesWith({
      restrictSubjects: ['alice'],
      roles: [
        {
          name: 'Ops',
          matcher: '"ops" in claims["groups"] || claims["sub"] == "bob"',
          permissions: { actions: ['ec2:Describe*'], resources: ['*'] },
        },
      ],
    });
    const readme = generateReadme(values, ['README.md']);
    assert.match(
      readme,
      /- `DefaultMCPRole` \(fallback: when no mapping matches\): preset default: .*; only for sub `alice`/
    );
    assert.match(
      readme,
      /- `Ops` \(when the CEL matcher `"ops" in claims\["groups"\] \|\| claims\["sub"\] == "bob"` holds\): ec2:Describe\* on \*, only through the AWS MCP Server/
    );
    const order = [
      'bash aws/setup.sh',
      'kubectl apply -f k8s/mcpexternalauthconfig.yaml',
      'kubectl apply -f k8s/mcpoidcconfig.yaml',
      'kubectl apply -f k8s/mcpremoteproxy.yaml',
      'kubectl apply -f k8s/gateway.yaml',
      'kubectl apply -f k8s/ingress.yaml',
      'kubectl delete --ignore-not-found -f k8s/gateway.yaml -f k8s/ingress.yaml',
      'bash aws/cleanup.sh',
    ];
    const positions = order.map((step) => readme.indexOf(step));
    assert.ok(
      positions.every((p) => p >= 0),
      JSON.stringify(positions)
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions
    );
  });
});
