// The IAM emulator as an HTTP server on node:http (Node edge). Requests must be signed, but any
// SigV4 signature, even with dummy credentials, is accepted; there is one account.

import {
  createQueryServer,
  listening,
  readQueryRequest,
  writeQueryResponse,
} from '../aws-query/server';
import type { ListeningServer } from '../aws-query/server';
import { queryParameters } from '../aws-query';
import type { AccountState } from '../state';
import { handleIamRequest } from './handleIamRequest';

export interface IamServerOptions {
  state: AccountState;
  /** The clock for CreateDate. Default: the real time. */
  now?: () => Date;
  /** Accept loopback `http://` issuers with a port (the local replica's IdP). Default false. */
  allowLoopbackHttp?: boolean;
  /** Called after every answered call with its Action (undefined when none was sent) and status. */
  onCall?: (call: { action: string | undefined; status: number }) => void;
}

/**
 * An IAM endpoint backed by `state`; point an IAMClient's `endpoint` at the URL `listen`
 * returns (any credentials: signatures are required but not checked).
 * @example
 * const iam = createIamServer({ state });
 * const { url } = await iam.listen(0, '127.0.0.1');
 * new IAMClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 */
export function createIamServer(options: IamServerOptions): ListeningServer {
  const server = createQueryServer(async (req, res) => {
    if (req.method !== 'POST' && req.method !== 'GET') {
      res.writeHead(405, { Allow: 'POST, GET' }).end();
      return;
    }
    const request = await readQueryRequest(req);
    const response = handleIamRequest(request, {
      state: options.state,
      now: options.now?.() ?? new Date(),
      allowLoopbackHttp: options.allowLoopbackHttp === true,
    });
    options.onCall?.({
      action: queryParameters(request).get('Action') ?? undefined,
      status: response.status,
    });
    writeQueryResponse(res, response);
  });
  return listening(server);
}
