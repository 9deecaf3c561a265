// Child process of the benchmark: the system under test for one scenario, i.e. one proxy (the
// pass-through floor, or the awsSts proxy with or without its cache). No upstream, no load.

import { pino } from 'pino';
import { createProxy } from '../sandbox/src/proxy/createProxy';
import type { Proxy } from '../sandbox/src/proxy/createProxy';
import { createProxyLogger } from '../sandbox/src/proxy/logger';
import type { ProxyOptions } from '../sandbox/src/proxy/options';
import type { ProxyStats } from '../sandbox/src/proxy/proxyStats';
import { createPassThroughProxy } from '../sandbox/test/support/passThroughProxy';
import { TEST_AUDIENCE, TEST_CONFIG } from '../sandbox/test/support/proxyHarness';
import { memorySample, serveRequests } from './ipc';
import type { MemorySample } from './ipc';
import { SIGNED_PREFIX } from './upstream';

/** What the parent passes on the command line (JSON). */
export interface ProxySpec {
  mode: 'bare' | 'sts' | 'sts-no-cache';
  upstreamOrigin: string;
  issuer: string;
  stsEndpoint: string;
  /** Credential cache bound; default: the proxy's default (1000). */
  cacheMaxEntries?: number;
}

/** The reply to `stats`. */
export interface ProxyProcessStats extends MemorySample {
  proxy: ProxyStats;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ProxySpec;
// Every proxy writes its info line per request, as in production, where `serve` writes each line
// to standard error as it comes: here each line into /dev/null, one synchronous write per line.
// Not sonic-boom's buffered asynchronous mode (minLength): it measures its whole pending buffer
// with Buffer.byteLength on every line, which flattens it, about 6 KB of garbage and 3 µs per
// line that the product never pays (bench/RESULTS.md).
const logger = createProxyLogger({
  level: 'info',
  destination: pino.destination({ dest: '/dev/null', sync: true }),
});
const options: ProxyOptions = {
  config: TEST_CONFIG,
  upstreamUrl: `${spec.upstreamOrigin}${spec.mode === 'bare' ? '' : SIGNED_PREFIX}/mcp`,
  issuer: spec.issuer,
  audience: TEST_AUDIENCE,
  stsEndpoint: spec.stsEndpoint,
  logger,
  cache:
    spec.mode === 'sts-no-cache'
      ? false
      : spec.cacheMaxEntries === undefined
        ? true
        : { maxEntries: spec.cacheMaxEntries },
};
const proxy: Proxy = spec.mode === 'bare' ? createPassThroughProxy(options) : createProxy(options);
const { url } = await proxy.listen(0, '127.0.0.1');

serveRequests(async (request) => {
  switch (request.type) {
    case 'stats':
      return {
        ...memorySample(request.gc === true),
        proxy: proxy.stats(),
      } satisfies ProxyProcessStats;
    case 'close':
      await proxy.close();
      logger.flush();
      // Exit normally (not by a signal), so that --cpu-prof writes its profile.
      setImmediate(() => process.exit(0));
      return undefined;
    default:
      throw new Error(`unexpected request ${request.type}`);
  }
});
process.send?.({ type: 'ready', url });
