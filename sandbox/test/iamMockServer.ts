// Test support: serves the msw IAM handlers on a loopback HTTP port, so that processes other
// than the test (the `aws` shim run by bash) reach the same in-memory account. Node only.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createIamHandlers } from './iamMockHandlers';
import { IamMockModel } from './iamMockModel';

/** A running IAM mock: its endpoint URL, its model (to inspect state) and how to stop it. */
export interface IamMockServer {
  url: string;
  model: IamMockModel;
  /** Every IAM Action received, in order. */
  actions: string[];
  close(): Promise<void>;
}

/**
 * Starts the mock on 127.0.0.1 with a free port.
 * @example const iam = await startIamMockServer(); // aws iam … --endpoint-url iam.url
 */
export async function startIamMockServer(model = new IamMockModel()): Promise<IamMockServer> {
  const actions: string[] = [];
  let handlers: ReturnType<typeof createIamHandlers> = [];
  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const action = new URLSearchParams(body).get('Action');
      if (action) actions.push(action);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const request = new Request(new URL(req.url ?? '/', url), {
        method: req.method ?? 'GET',
        headers,
        ...(req.method === 'POST' ? { body } : {}),
      });
      const response =
        (await getResponse(handlers, request)) ?? new Response('not found', { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handlers = createIamHandlers(model, url);
  return {
    url,
    model,
    actions,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
