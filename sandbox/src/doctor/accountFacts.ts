// What the doctor knows about the AWS account: read through IAM (`--aws`, read-only calls) or
// taken from what the user pasted (a trust policy or `aws iam get-role` output, permission
// policies). Every read failure is kept as a reason, never thrown. The checks judge these facts.

import { parseProviderArn } from './arns';
import type { IamOidcProvider, IamPolicyDocument, IamReader, IamRole } from './types';
import { hostPath } from './urls';

/** A value read, or why it could not be. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface AccountFacts {
  source: 'iam' | 'pasted';
  /** IAM: every registered provider's ARN. */
  providerArns?: Outcome<string[]>;
  /** IAM: the provider registered for the token's iss exactly, when there is one. */
  provider?: Outcome<IamOidcProvider | undefined>;
  /** Per role ARN: the role (undefined when IAM says it does not exist). */
  roles: Map<string, Outcome<IamRole | undefined>>;
  /** Pasted: a bare trust policy, taken to be the trust policy of the token's role. */
  trustPolicy?: string;
  /** Per role ARN: its permission policies. */
  permissions: Map<string, Outcome<IamPolicyDocument[]>>;
}

/**
 * Reads the provider for `issuer` and every role with its permission policies through IAM.
 * @example await readAccount(reader, ['arn:aws:iam::123456789012:role/DefaultMCPRole'], iss)
 */
export async function readAccount(
  iam: IamReader,
  roleArns: readonly string[],
  issuer: string | undefined
): Promise<AccountFacts> {
  const facts: AccountFacts = { source: 'iam', roles: new Map(), permissions: new Map() };
  facts.providerArns = await attempt(() => iam.listOpenIdConnectProviders());
  if (issuer !== undefined && facts.providerArns.ok) {
    const wanted = hostPath(issuer);
    const exact = facts.providerArns.value.find(
      (arn) => parseProviderArn(arn)?.hostPath === wanted
    );
    facts.provider =
      exact === undefined
        ? { ok: true, value: undefined }
        : await attempt(() => iam.getOpenIdConnectProvider(exact));
  }
  await Promise.all(
    roleArns.map(async (arn) => {
      const name = arn.slice(arn.lastIndexOf('/') + 1);
      const role = await attempt(() => iam.getRole(name));
      facts.roles.set(arn, role);
      if (role.ok && role.value !== undefined) {
        facts.permissions.set(arn, await attempt(() => iam.getRolePermissionPolicies(name)));
      }
    })
  );
  return facts;
}

async function attempt<T>(read: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/**
 * An AWS SDK or network error in one line: `AccessDenied: User … is not authorized …`.
 * @example describeError(Object.assign(new Error('x'), { name: 'AccessDenied' })) // 'AccessDenied: x'
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const message = error.message.split('\n')[0] ?? '';
    return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
  }
  return String(error);
}

/**
 * Facts from pasted text: `trustPolicy` is a policy document or `aws iam get-role` output (JSON);
 * each permission policy a document or `get-role-policy`/`get-policy-version` output. Text that
 * cannot be read becomes a failed outcome under `roleArn`.
 * @example pastedAccount({ trustPolicy: getRoleJson }, roleArn).roles.get(roleArn)
 */
export function pastedAccount(
  pasted: { trustPolicy?: string | undefined; permissionPolicies?: readonly string[] | undefined },
  roleArn: string | undefined
): AccountFacts {
  const facts: AccountFacts = { source: 'pasted', roles: new Map(), permissions: new Map() };
  if (pasted.trustPolicy !== undefined && pasted.trustPolicy.trim() !== '') {
    const read = readTrustPaste(pasted.trustPolicy);
    if (!read.ok && roleArn !== undefined) facts.roles.set(roleArn, read);
    else if (read.ok && 'role' in read.value)
      facts.roles.set(read.value.role.arn, { ok: true, value: read.value.role });
    else if (read.ok && 'document' in read.value) facts.trustPolicy = read.value.document;
  }
  const permissionTexts = (pasted.permissionPolicies ?? []).filter((text) => text.trim() !== '');
  if (roleArn !== undefined && permissionTexts.length > 0) {
    const documents: IamPolicyDocument[] = [];
    for (const [index, text] of permissionTexts.entries()) {
      const read = readPermissionPaste(text, index);
      if (!read.ok) {
        facts.permissions.set(roleArn, read);
        return facts;
      }
      documents.push(read.value);
    }
    facts.permissions.set(roleArn, { ok: true, value: documents });
  }
  return facts;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string, what: string): Outcome<Json> {
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) return { ok: true, value };
    return { ok: false, error: `the pasted ${what} is not a JSON object` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    return { ok: false, error: `the pasted ${what} is not valid JSON: ${reason}` };
  }
}

/** A policy document as JSON text, whether it came as an object or (URL-encoded) text. */
function documentText(value: unknown): string | undefined {
  if (isObject(value)) return JSON.stringify(value);
  if (typeof value !== 'string') return undefined;
  if (value.trim().startsWith('{')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function readTrustPaste(text: string): Outcome<{ role: IamRole } | { document: string }> {
  const parsed = parseJson(text, 'trust policy');
  if (!parsed.ok) return parsed;
  const role = isObject(parsed.value.Role) ? parsed.value.Role : undefined;
  if (role === undefined) return { ok: true, value: { document: text } };
  const document = documentText(role.AssumeRolePolicyDocument);
  if (typeof role.Arn !== 'string' || typeof role.RoleName !== 'string' || document === undefined) {
    return {
      ok: false,
      error:
        'the pasted get-role output has no Role.Arn, Role.RoleName or Role.AssumeRolePolicyDocument',
    };
  }
  return {
    ok: true,
    value: {
      role: {
        roleName: role.RoleName,
        arn: role.Arn,
        assumeRolePolicyDocument: document,
        maxSessionDuration:
          typeof role.MaxSessionDuration === 'number' ? role.MaxSessionDuration : 3600,
      },
    },
  };
}

function readPermissionPaste(text: string, index: number): Outcome<IamPolicyDocument> {
  const parsed = parseJson(text, `permission policy ${index + 1}`);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value.PolicyName === 'string' && value.PolicyDocument !== undefined) {
    const document = documentText(value.PolicyDocument);
    if (document !== undefined)
      return { ok: true, value: { source: `inline ${value.PolicyName}`, document } };
  }
  const version = isObject(value.PolicyVersion) ? value.PolicyVersion : undefined;
  if (version !== undefined) {
    const document = documentText(version.Document);
    if (document !== undefined)
      return { ok: true, value: { source: `pasted policy ${index + 1}`, document } };
  }
  return { ok: true, value: { source: `pasted policy ${index + 1}`, document: text } };
}
