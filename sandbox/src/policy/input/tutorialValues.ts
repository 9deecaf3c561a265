// The tutorial's example values as generator input, built from the placeholders' examples, so
// the site, the sandbox and the tests share one source, and those values checked with changes.
// It does not generate anything.

import { AwsStsError } from '../../errors';
import { PLACEHOLDERS, type PlaceholderToken } from '../../tutorial/placeholders';
import type { GeneratorInput, GeneratorValues } from '../types';
import { validateGeneratorInput } from './validateInput';

function example(token: PlaceholderToken): string {
  const found = PLACEHOLDERS.find((placeholder) => placeholder.token === token);
  if (found === undefined) throw new Error(`unknown placeholder ${token}`);
  return found.example;
}

/**
 * The values behind the tutorial's example files: region us-east-1, namespace toolhive-system,
 * a default fallback role and an S3 read-only role for the `s3-readers` group, 900-second sessions.
 * @example generateArtifacts(TUTORIAL_VALUES).ok // true
 */
export const TUTORIAL_VALUES: Readonly<GeneratorInput> = deepFreeze({
  issuer: `https://${example('<ISSUER>')}`,
  audience: example('<AUDIENCE>'),
  accountId: example('<ACCOUNT_ID>'),
  partition: 'aws',
  region: 'us-east-1',
  namespace: 'toolhive-system',
  domain: example('<DOMAIN>'),
  roleClaim: 'groups',
  sessionNameClaim: 'sub',
  sessionDuration: 900,
  fallbackRole: { name: 'DefaultMCPRole', permissions: 'default' },
  roles: [
    { name: 'S3ReadOnlyMCPRole', claim: 's3-readers', priority: 10, permissions: 's3-read-only' },
  ],
  restrictSubjects: [],
} satisfies GeneratorInput);

/**
 * The tutorial's values with `changes` applied, checked: what the sandboxes run (the local
 * replica, the page's in-browser account, the tests). A refused change throws INVALID_INPUT
 * naming every field.
 * @example tutorialValuesWith({ audience: 'api://mcp' }).roles[0]?.arn // 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole'
 */
export function tutorialValuesWith(changes: Partial<GeneratorInput> = {}): GeneratorValues {
  const checked = validateGeneratorInput({ ...TUTORIAL_VALUES, ...changes });
  if (!checked.ok) {
    const problems = checked.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new AwsStsError('INVALID_INPUT', `invalid sandbox values: ${problems}`);
  }
  return checked.values;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
