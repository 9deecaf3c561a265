// Child process of the benchmark: the upstream MCP server alone, shared by every scenario (the
// `direct` scenario's target, the proxies' upstream). It runs no proxy and generates no load.

import { memorySample, serveRequests } from './ipc';
import { startBenchUpstream } from './upstream';

const upstream = await startBenchUpstream();

serveRequests(async (request) => {
  switch (request.type) {
    case 'stats':
      return { ...memorySample(request.gc === true), upstream: upstream.stats() };
    case 'close':
      await upstream.close();
      setImmediate(() => process.exit(0));
      return undefined;
    default:
      throw new Error(`unexpected request ${request.type}`);
  }
});
process.send?.({ type: 'ready', origin: upstream.origin });
