// The doctor's online clients on Node: an IamReader over @aws-sdk/client-iam (read-only calls,
// default credential chain) and the STS exchange over sts/exchangeToken. It decides nothing; the
// doctor core judges what they return.

import {
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import type { ExchangeAnswer, ExchangeRequest, IamPolicyDocument, IamReader } from '../doctor';
import { exchangeToken } from '../sts';

export interface IamReaderOptions {
  region: string;
  /** e.g. the sandbox's IAM emulator; default IAM's own endpoint. */
  endpoint?: string;
}

/**
 * An IamReader on the default AWS credential chain (environment, profile, SSO, instance role).
 * @example const { reader, close } = createIamReader({ region: 'us-east-1' });
 */
export function createIamReader(options: IamReaderOptions): { reader: IamReader; close(): void } {
  const client = new IAMClient({
    region: options.region,
    maxAttempts: 2,
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
  });
  const reader: IamReader = {
    async listOpenIdConnectProviders() {
      const out = await client.send(new ListOpenIDConnectProvidersCommand({}));
      return (out.OpenIDConnectProviderList ?? []).flatMap((entry) =>
        entry.Arn ? [entry.Arn] : []
      );
    },
    async getOpenIdConnectProvider(arn) {
      const out = await orUndefined(() =>
        client.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
      );
      if (out === undefined) return undefined;
      return { arn, url: out.Url ?? '', clientIds: out.ClientIDList ?? [] };
    },
    async getRole(roleName) {
      const out = await orUndefined(() => client.send(new GetRoleCommand({ RoleName: roleName })));
      const role = out?.Role;
      if (role === undefined) return undefined;
      return {
        roleName: role.RoleName ?? roleName,
        arn: role.Arn ?? '',
        assumeRolePolicyDocument: decodePolicy(role.AssumeRolePolicyDocument),
        maxSessionDuration: role.MaxSessionDuration ?? 3600,
      };
    },
    async getRolePermissionPolicies(roleName) {
      const documents: IamPolicyDocument[] = [];
      for (const name of await inlinePolicyNames(client, roleName)) {
        const out = await client.send(
          new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })
        );
        documents.push({ source: `inline ${name}`, document: decodePolicy(out.PolicyDocument) });
      }
      for (const arn of await attachedPolicyArns(client, roleName)) {
        const policy = await client.send(new GetPolicyCommand({ PolicyArn: arn }));
        const versionId = policy.Policy?.DefaultVersionId;
        if (versionId === undefined) continue;
        const version = await client.send(
          new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })
        );
        documents.push({
          source: `managed ${arn}`,
          document: decodePolicy(version.PolicyVersion?.Document),
        });
      }
      return documents;
    },
  };
  return { reader, close: () => client.destroy() };
}

async function inlinePolicyNames(client: IAMClient, roleName: string): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const out = await client.send(
      new ListRolePoliciesCommand({ RoleName: roleName, ...(marker ? { Marker: marker } : {}) })
    );
    names.push(...(out.PolicyNames ?? []));
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker !== undefined);
  return names;
}

async function attachedPolicyArns(client: IAMClient, roleName: string): Promise<string[]> {
  const arns: string[] = [];
  let marker: string | undefined;
  do {
    const out = await client.send(
      new ListAttachedRolePoliciesCommand({
        RoleName: roleName,
        ...(marker ? { Marker: marker } : {}),
      })
    );
    arns.push(...(out.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : [])));
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker !== undefined);
  return arns;
}

/** IAM returns policy documents URL-encoded (RFC 3986). */
function decodePolicy(document: string | undefined): string {
  if (document === undefined) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const name = (error as { name?: unknown }).name;
    if (name === 'NoSuchEntityException' || name === 'NoSuchEntity') return undefined;
    throw error;
  }
}

/**
 * The real AssumeRoleWithWebIdentity (unsigned, one attempt), as ToolHive makes it.
 * @example await exchangeWithSts({ token, roleArn, sessionName, durationSeconds: 900, region, endpoint })
 */
export async function exchangeWithSts(request: ExchangeRequest): Promise<ExchangeAnswer> {
  const credentials = await exchangeToken({ ...request, maxAttempts: 1 });
  return {
    ...(credentials.assumedRoleArn ? { assumedRoleArn: credentials.assumedRoleArn } : {}),
    expiration: credentials.expiration,
  };
}
