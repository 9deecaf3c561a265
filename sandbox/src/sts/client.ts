// Owns building the STS client used for AssumeRoleWithWebIdentity: regional endpoint, no AWS
// credentials, bounded retries and timeouts. It does not send requests (exchange.ts does).

import { STSClient } from '@aws-sdk/client-sts';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import { defaultStsEndpoint } from './endpoint';

export { defaultStsEndpoint };

/** Attempts per exchange: the first call plus one SDK retry of transient errors only. */
export const DEFAULT_MAX_ATTEMPTS = 2;
/** Per-attempt connection and response timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface StsClientOptions {
  region: string;
  /** Overrides the regional endpoint, e.g. `https://sts.mock.invalid/` in tests. */
  endpoint?: string;
  /** Passed to the SDK as is: a handler instance or handler options. */
  requestHandler?: STSClientConfig['requestHandler'];
  /**
   * Total attempts. The SDK only retries throttling, 5xx, timeouts, network errors and
   * `IDPCommunicationError`; every other STS error is returned after the first attempt.
   */
  maxAttempts?: number;
  /** Connection and response timeout per attempt, unless `requestHandler` is given. */
  timeoutMs?: number;
}

/**
 * An STS client that never signs: `AssumeRoleWithWebIdentity` is `noAuth`, and the client is
 * given a credential provider that refuses, so the default provider chain is never consulted.
 * @example
 * const client = createStsClient({ region: 'us-east-1' });
 */
export function createStsClient(options: StsClientOptions): STSClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new STSClient({
    region: options.region,
    endpoint: options.endpoint ?? defaultStsEndpoint(options.region),
    credentials: refuseCredentials,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    // Explicit so that AWS_USE_FIPS_ENDPOINT and friends in the environment cannot conflict
    // with the explicit endpoint.
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    requestHandler: options.requestHandler ?? {
      requestTimeout: timeoutMs,
      connectionTimeout: timeoutMs,
      // Without this the handler only logs a warning when requestTimeout passes and keeps
      // waiting: a hung STS endpoint would hold every request (and its socket) indefinitely.
      throwOnRequestTimeout: true,
    },
  });
}

async function refuseCredentials(): Promise<never> {
  throw new Error(
    'AssumeRoleWithWebIdentity is sent unsigned; this STS client has no AWS credentials'
  );
}
