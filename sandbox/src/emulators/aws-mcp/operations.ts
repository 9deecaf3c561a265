// The AWS API operations the emulator can run for a caller (sts:GetCallerIdentity and three S3
// reads over fake data), each authorized first as AWS would. It does not parse CLI or scripts.
import { authorizeCall, type AuthorizationTarget } from './authorize';
import type { AwsCaller } from './caller';
import { byteSize, etagFor, findBucket, type FakeBucket, type FakeObject } from './fakeS3';

/** One API call: `{ service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'b' } }`. */
export interface AwsCall {
  service: string;
  operation: string;
  params: Record<string, unknown>;
}

export type AwsCallResult =
  | {
      ok: true;
      call: AwsCall;
      output: Record<string, unknown>;
      /**
       * What the role's policies decided. `Allow`, except for GetCallerIdentity, which AWS answers
       * whatever the policies say (so it can succeed with `ImplicitDeny` or `ExplicitDeny` here).
       */
      policyDecision: 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';
    }
  | {
      ok: false;
      call: AwsCall;
      /** `AccessDenied`, `NoSuchBucket`, `NoSuchKey`, `ParamValidation`, `UnsupportedOperation`. */
      errorCode: string;
      /** The text botocore shows, e.g. `An error occurred (AccessDenied) when calling the … operation: …`. */
      message: string;
    };

export interface InvokeContext {
  caller: AwsCaller;
  now: Date;
  region: string;
  buckets: readonly FakeBucket[];
}

/** `service.Operation` names the emulator runs. */
export const SUPPORTED_OPERATIONS: readonly string[] = [
  'sts.GetCallerIdentity',
  's3.ListBuckets',
  's3.ListObjectsV2',
  's3.GetObject',
];

type Handler = (call: AwsCall, context: InvokeContext) => AwsCallResult;

const HANDLERS: Record<string, Handler> = {
  'sts.GetCallerIdentity': getCallerIdentity,
  's3.ListBuckets': listBuckets,
  's3.ListObjectsV2': listObjectsV2,
  's3.GetObject': getObject,
};

/**
 * Runs one call for the caller: authorize with the role's policies (MCP context keys set), then
 * answer from the fake data. Every failure comes back as a result, never thrown.
 * @example invokeAwsCall({ service: 'sts', operation: 'GetCallerIdentity', params: {} }, context)
 */
export function invokeAwsCall(call: AwsCall, context: InvokeContext): AwsCallResult {
  const handler = HANDLERS[`${call.service}.${call.operation}`];
  if (!handler) {
    return {
      ok: false,
      call,
      errorCode: 'UnsupportedOperation',
      message: `The emulated AWS MCP Server does not support ${call.service}.${call.operation}. Supported operations: ${SUPPORTED_OPERATIONS.join(', ')}.`,
    };
  }
  return handler(call, context);
}

function getCallerIdentity(call: AwsCall, context: InvokeContext): AwsCallResult {
  // AWS needs no permission for GetCallerIdentity and ignores even an explicit Deny. The
  // emulator evaluates the policies anyway and reports the decision in `policyDecision`, but
  // answers as AWS does: always.
  const { caller } = context;
  const outcome = authorizeCall(
    caller,
    { action: 'sts:GetCallerIdentity', resource: '*' },
    context.now,
    context.region
  );
  return {
    ok: true,
    call,
    output: { UserId: caller.userId, Account: caller.accountId, Arn: caller.assumedRoleArn },
    policyDecision: outcome.evaluation?.decision ?? 'ImplicitDeny',
  };
}

function listBuckets(call: AwsCall, context: InvokeContext): AwsCallResult {
  const denied = deny(call, context, { action: 's3:ListAllMyBuckets', resource: '*' });
  if (denied) return denied;
  return {
    ok: true,
    call,
    output: {
      Buckets: context.buckets.map((b) => ({ Name: b.name, CreationDate: b.creationDate })),
      Owner: { ID: etagFor(`owner:${context.caller.accountId}`).slice(1, -1).repeat(2) },
    },
    policyDecision: 'Allow',
  };
}

function listObjectsV2(call: AwsCall, context: InvokeContext): AwsCallResult {
  const missing = requireParams(call, ['Bucket']);
  if (missing) return missing;
  const bucketName = String(call.params.Bucket);
  const prefix = optionalString(call.params.Prefix) ?? '';
  const delimiter = optionalString(call.params.Delimiter);
  const maxKeys = Number(call.params.MaxKeys ?? 1000);
  const target: AuthorizationTarget = {
    action: 's3:ListBucket',
    resource: s3Arn(context, bucketName),
    context: {
      's3:prefix': prefix,
      's3:max-keys': maxKeys,
      ...(delimiter === undefined ? {} : { 's3:delimiter': delimiter }),
    },
  };
  const denied = deny(call, context, target);
  if (denied) return denied;
  const bucket = findBucket(context.buckets, bucketName);
  if (!bucket) return failure(call, 'NoSuchBucket', 'The specified bucket does not exist');

  const startAfter =
    decodeToken(optionalString(call.params.ContinuationToken)) ??
    optionalString(call.params.StartAfter) ??
    '';
  // Resuming after a common prefix skips every key under it, as S3 does.
  const skipped = delimiter && startAfter.endsWith(delimiter) ? startAfter : undefined;
  const keys = bucket.objects
    .filter((o) => o.key.startsWith(prefix) && o.key > startAfter)
    .filter((o) => skipped === undefined || !o.key.startsWith(skipped))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const contents: FakeObject[] = [];
  const commonPrefixes: string[] = [];
  let lastEmitted: string | undefined;
  let truncatedAfter: string | undefined;
  for (const object of keys) {
    const rest = object.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const commonPrefix =
      cut >= 0 ? prefix + rest.slice(0, cut + (delimiter ?? '').length) : undefined;
    if (commonPrefix !== undefined && commonPrefixes.includes(commonPrefix)) continue;
    if (contents.length + commonPrefixes.length >= maxKeys) {
      truncatedAfter = lastEmitted;
      break;
    }
    if (commonPrefix !== undefined) commonPrefixes.push(commonPrefix);
    else contents.push(object);
    lastEmitted = commonPrefix ?? object.key;
  }
  return {
    ok: true,
    call,
    output: {
      IsTruncated: truncatedAfter !== undefined,
      ...(contents.length > 0
        ? {
            Contents: contents.map((o) => ({
              Key: o.key,
              LastModified: o.lastModified,
              ETag: etagFor(o.body),
              Size: byteSize(o.body),
              StorageClass: 'STANDARD',
            })),
          }
        : {}),
      Name: bucket.name,
      Prefix: prefix,
      ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
      MaxKeys: maxKeys,
      ...(commonPrefixes.length > 0
        ? { CommonPrefixes: commonPrefixes.map((p) => ({ Prefix: p })) }
        : {}),
      KeyCount: contents.length + commonPrefixes.length,
      ...(truncatedAfter === undefined
        ? {}
        : { NextContinuationToken: encodeToken(truncatedAfter) }),
    },
    policyDecision: 'Allow',
  };
}

function getObject(call: AwsCall, context: InvokeContext): AwsCallResult {
  const missing = requireParams(call, ['Bucket', 'Key']);
  if (missing) return missing;
  const bucketName = String(call.params.Bucket);
  const key = String(call.params.Key);
  const denied = deny(call, context, {
    action: 's3:GetObject',
    resource: s3Arn(context, `${bucketName}/${key}`),
  });
  if (denied) return denied;
  const bucket = findBucket(context.buckets, bucketName);
  if (!bucket) return failure(call, 'NoSuchBucket', 'The specified bucket does not exist');
  const object = bucket.objects.find((o) => o.key === key);
  if (!object) {
    // S3 answers NoSuchKey only to callers who may list the bucket; others get AccessDenied.
    const listDenied = deny(call, context, {
      action: 's3:ListBucket',
      resource: s3Arn(context, bucketName),
    });
    return listDenied ?? failure(call, 'NoSuchKey', 'The specified key does not exist.');
  }
  return {
    ok: true,
    call,
    output: {
      AcceptRanges: 'bytes',
      LastModified: object.lastModified,
      ContentLength: byteSize(object.body),
      ETag: etagFor(object.body),
      ContentType: object.contentType,
      Metadata: {},
      Body: object.body,
    },
    policyDecision: 'Allow',
  };
}

function deny(
  call: AwsCall,
  context: InvokeContext,
  target: AuthorizationTarget
): AwsCallResult | undefined {
  const outcome = authorizeCall(context.caller, target, context.now, context.region);
  return outcome.allowed ? undefined : failure(call, 'AccessDenied', outcome.message);
}

function failure(call: AwsCall, errorCode: string, detail: string): AwsCallResult {
  return {
    ok: false,
    call,
    errorCode,
    message: `An error occurred (${errorCode}) when calling the ${call.operation} operation: ${detail}`,
  };
}

function requireParams(call: AwsCall, names: string[]): AwsCallResult | undefined {
  const missing = names.filter((n) => typeof call.params[n] !== 'string' || call.params[n] === '');
  if (missing.length === 0) return undefined;
  return {
    ok: false,
    call,
    errorCode: 'ParamValidation',
    message: `Parameter validation failed:\n${missing.map((n) => `Missing required parameter in input: "${n}"`).join('\n')}`,
  };
}

function s3Arn(context: InvokeContext, path: string): string {
  return `arn:${context.caller.partition}:s3:::${path}`;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function encodeToken(key: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(key)));
}

function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
