// The STS emulator core's shapes: what it needs (state, a JWKS per issuer, the time) and what it
// returns (an HTTP-ready answer plus an explanation for people). No logic lives here.

import type { JWTVerifyGetKey } from 'jose';
import type { Evaluation, RequestContext, RequestPrincipal } from '../../iam';
import type { AccountState } from '../state';
import type { QueryResponse } from '../aws-query';

/** A jose key function over one issuer's JWKS (`createLocalJWKSet` / `createRemoteJWKSet`). */
export type JwksKeyGetter = JWTVerifyGetKey;

/** The JWKS of an issuer, e.g. fetched via discovery. May throw when the IdP cannot be reached. */
export type ResolveJwks = (issuer: string) => JwksKeyGetter | Promise<JwksKeyGetter>;

/** What one STS call may read and write. */
export interface StsEnvironment {
  state: AccountState;
  resolveJwks: ResolveJwks;
  /** The time of the call: token expiry, credential expiration, `aws:CurrentTime`. */
  now: Date;
}

/** The check that decided a call, in the order STS runs them. */
export type StsStep =
  | 'request'
  | 'token'
  | 'provider'
  | 'audience'
  | 'signature'
  | 'expiry'
  | 'role'
  | 'trustPolicy'
  | 'duration'
  | 'issued'
  /** GetCallerIdentity: the request's SigV4 signature and the credentials it was made with. */
  | 'authentication'
  | 'identified';

/**
 * Why a call ended the way it did. Never on the wire: STS's real messages stay terse (an
 * AccessDenied never reveals the policy); the website and tests read this to teach the reason.
 * It never contains the web identity token or credentials' secrets.
 */
export interface StsExplanation {
  action: string | undefined;
  step: StsStep;
  /**
   * `Issued` (AssumeRoleWithWebIdentity), `Identified` (GetCallerIdentity), or the wire error
   * code (`AccessDenied`, `InvalidIdentityToken`, `ExpiredToken`, …).
   */
  outcome: string;
  /** One or two sentences naming the concrete cause, e.g. the failing condition. */
  detail: string;
  roleArn?: string;
  sessionName?: string;
  issuer?: string;
  subject?: string;
  audience?: string;
  providerArn?: string;
  /** The trust-policy request and the evaluator's trace, once the policy was evaluated. */
  trust?: { principal: RequestPrincipal; context: RequestContext; evaluation: Evaluation };
}

/** An HTTP-ready answer plus its explanation. */
export interface StsResponse extends QueryResponse {
  explain: StsExplanation;
}
