// Watches the STS client's one HTTP exchange from inside the SDK's middleware stack: the request
// exactly as serialized and the raw response before parsing. It changes neither.
import type { STSClient } from '@aws-sdk/client-sts';

/** The wire view of one call: what the SDK sent and what came back. */
export interface RecordedExchange {
  request?: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
  };
  response?: { status: number; headers: Record<string, string>; body: string };
}

interface WireRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

function isWireRequest(value: unknown): value is WireRequest {
  const r = value as Partial<WireRequest> | null;
  return typeof r?.method === 'string' && typeof r.hostname === 'string';
}

function isWireResponse(value: unknown): value is WireResponse {
  return typeof (value as Partial<WireResponse> | null)?.statusCode === 'number';
}

function urlOf(request: WireRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) query.append(key, item);
  }
  const search = query.toString();
  return `${request.protocol}//${request.hostname}${port}${request.path}${search ? `?${search}` : ''}`;
}

async function readText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return new Response(body as BodyInit).text();
}

/**
 * Adds a recorder right above the HTTP handler of `client` (below serialization and retries, so
 * it sees the last attempt's bytes), calling `onRequest` as each attempt leaves. The response
 * body is read once and handed on unchanged.
 * @example const wire = recordStsExchange(client); await exchangeToken({ …, client }); wire.request?.body
 */
export function recordStsExchange(
  client: STSClient,
  onRequest: (request: NonNullable<RecordedExchange['request']>) => void = () => undefined
): RecordedExchange {
  const recorded: RecordedExchange = {};
  client.middlewareStack.add(
    (next) => async (args) => {
      if (isWireRequest(args.request)) {
        const request = args.request;
        recorded.request = {
          method: request.method,
          url: urlOf(request),
          headers: { ...request.headers },
          body: typeof request.body === 'string' ? request.body : await readText(request.body),
        };
        onRequest(recorded.request);
      }
      const result = await next(args);
      if (isWireResponse(result.response)) {
        const response = result.response;
        const body = await readText(response.body);
        response.body = new TextEncoder().encode(body);
        recorded.response = { status: response.statusCode, headers: { ...response.headers }, body };
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'stsExchangeWalkthroughRecorder' }
  );
  return recorded;
}
