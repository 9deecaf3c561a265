// The IAM emulator's shapes: its environment, typed operation inputs, and its HTTP-ready answer.
// No logic lives here.

import type { QueryResponse } from '../aws-query';
import type { AccountState } from '../state';

/** What one IAM call may read and write. */
export interface IamEnvironment {
  state: AccountState;
  /** CreateDate of new entities. */
  now: Date;
  /**
   * Accept `http://` and a port for loopback provider URLs (127.0.0.1, localhost, [::1]), so the
   * local replica's issuer can be registered. AWS never does; off by default.
   */
  allowLoopbackHttp?: boolean;
}

export interface Tag {
  key: string;
  value: string;
}

/** An IAM answer; `detail` explains an error for people and is never sent. */
export interface IamResponse extends QueryResponse {
  detail?: string;
}
