// The human summary of a role evaluation: one sentence on the outcome, then one line per
// mapping in config order, the chosen one marked with →.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDefaults } from '../config/defaults';
import type { AwsStsSpec } from '../config/types';
import { compileRoleMapper } from './compileRoleMapper';
import { explainSelection } from './explainSelection';
import { evaluateRoleMappings } from './selectRole';

const FALLBACK = 'arn:aws:iam::123456789012:role/Fallback';
const ADMIN = 'arn:aws:iam::123456789012:role/Admin';
const DEV = 'arn:aws:iam::123456789012:role/Dev';
const two = [
  { claim: 'devs', roleArn: DEV, priority: 5 },
  { matcher: '"admins" in claims.groups', roleArn: ADMIN, priority: 1 },
];

const cases: {
  name: string;
  spec: Partial<AwsStsSpec>;
  claims: Record<string, unknown>;
  lines: RegExp[];
}[] = [
  {
    name: 'no mappings',
    spec: { fallbackRoleArn: FALLBACK },
    claims: {},
    lines: [
      /^No roleMappings are configured, so the fallback role .*Fallback is used without evaluating anything\.$/,
    ],
  },
  {
    name: 'two matches: the lower priority wins',
    spec: { roleMappings: two },
    claims: { groups: ['devs', 'admins'] },
    lines: [
      /^roleMappings\[1\] matched and wins \(2 mappings matched; the lowest priority wins.*\): .*role\/Admin$/,
      /^ {2}\[0\] claim "devs" in claims\["groups"\] \(priority 5\): matched: claims\.groups contains "devs"$/,
      /^→ \[1\] matcher "admins" in claims\.groups \(priority 1\): matched: the expression is true$/,
    ],
  },
  {
    name: 'nothing matched: fallback',
    spec: { fallbackRoleArn: FALLBACK, roleMappings: [{ claim: 'devs', roleArn: DEV }] },
    claims: { groups: 'devs' },
    lines: [
      /^No mapping matched, so the fallback role .*Fallback is used\.$/,
      /\(priority unset\): error: claims\.groups is a string/,
    ],
  },
  {
    name: 'nothing matched and no fallback',
    spec: { roleMappings: [{ claim: 'devs', roleArn: DEV }] },
    claims: {},
    lines: [
      /^No mapping matched and there is no fallbackRoleArn: ToolHive answers 403/,
      /claim groups is missing/,
    ],
  },
];

for (const c of cases) {
  test(`explainSelection: ${c.name}`, () => {
    const mapper = compileRoleMapper(applyDefaults({ region: 'us-east-1', ...c.spec }));
    const lines = explainSelection(evaluateRoleMappings(mapper, c.claims)).split('\n');
    assert.equal(lines.length, c.lines.length, lines.join('\n'));
    c.lines.forEach((re, i) => assert.match(lines[i] ?? '', re));
  });
}
