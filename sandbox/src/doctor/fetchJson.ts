// One bounded HTTP GET for a JSON document through the caller's fetch: a timeout, a size cap, and
// a one-line reason for every failure. It knows nothing about OIDC.

/** The largest document read (discovery documents and key sets are a few KiB). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type JsonFetch =
  | { ok: true; status: number; body: Record<string, unknown>; date?: Date; receivedAt: Date }
  | { ok: false; reason: string; status?: number };

/**
 * GETs `url` and parses a JSON object; never throws.
 * @example const got = await fetchJson(fetch, 'https://idp/.well-known/openid-configuration', 10000, () => new Date());
 */
export async function fetchJson(
  fetchFn: typeof globalThis.fetch,
  url: string,
  timeoutMs: number,
  now: () => Date
): Promise<JsonFetch> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { accept: 'application/json' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, reason: `cannot reach ${url}: ${networkReason(error, timeoutMs)}` };
  }
  const receivedAt = now();
  const dateHeader = response.headers.get('date');
  const parsedDate = dateHeader === null ? undefined : new Date(dateHeader);
  const date = parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate : undefined;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return { ok: false, reason: `reading ${url} failed: ${networkReason(error, timeoutMs)}` };
  }
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      reason: `${url} answered HTTP ${response.status}`,
    };
  }
  if (text.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, reason: `${url} answered more than ${MAX_DOCUMENT_BYTES} bytes` };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${url} did not answer JSON` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: `${url} did not answer a JSON object` };
  }
  return {
    ok: true,
    status: response.status,
    body: body as Record<string, unknown>,
    receivedAt,
    ...(date ? { date } : {}),
  };
}

/**
 * A short reason for a failed fetch (timeout, refused connection, DNS).
 * @example networkReason(new DOMException('', 'TimeoutError'), 10000) // 'no answer within 10 s'
 */
export function networkReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
