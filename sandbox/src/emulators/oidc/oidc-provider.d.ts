// Types for the part of `oidc-provider` 9 that the OIDC emulator uses (the package ships none,
// and @types/oidc-provider is not installed). It declares only what this folder calls.

declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type JsonObject = Record<string, unknown>;

  /** What `findAccount` resolves to. */
  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<JsonObject>;
  }

  /** The fields of an issued token that `extraTokenClaims` reads. */
  export interface IssuedToken {
    kind: string;
    accountId?: string;
    clientId?: string;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    application_type?: 'web' | 'native';
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    scope?: string;
    [key: string]: unknown;
  }

  /** The parts of `ctx` the emulator reads (Koa context with `oidc`). */
  export interface KoaContextWithOidc {
    oidc: { params?: Record<string, unknown> };
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Configuration {
    adapter?: (name: string) => Adapter;
    clients?: ClientMetadata[];
    findAccount?: (
      ctx: KoaContextWithOidc,
      sub: string,
      token?: unknown
    ) => Promise<Account | undefined>;
    jwks?: { keys: JsonObject[] };
    cookies?: { keys?: string[] };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    extraParams?: string[];
    extraTokenClaims?: (
      ctx: KoaContextWithOidc,
      token: IssuedToken
    ) => Promise<JsonObject | undefined>;
    clientBasedCORS?: (ctx: KoaContextWithOidc, origin: string, client: unknown) => boolean;
    pkce?: { required?: (ctx: KoaContextWithOidc, client: unknown) => boolean };
    ttl?: Record<string, number>;
    interactions?: { url?: (ctx: KoaContextWithOidc, interaction: { uid: string }) => string };
    features?: Record<string, JsonObject>;
    renderError?: (
      ctx: KoaContextWithOidc & { type: string; body: unknown; get(header: string): string },
      out: { error: string; error_description?: string },
      error: Error
    ) => Promise<void>;
    [key: string]: unknown;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: JsonObject };
    params: JsonObject;
    session?: { accountId: string; uid: string };
    grantId?: string;
    returnTo: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface InteractionResult {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean }
    ): Promise<void>;
    readonly Grant: {
      new (init: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  /** oidc-provider's OAuth error classes (only the one used here). */
  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };

  export default Provider;
}
