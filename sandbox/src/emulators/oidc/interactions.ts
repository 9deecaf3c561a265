// The login and consent steps of the local OIDC provider over HTTP (`/interaction/<uid>…`): a
// browser gets HTML forms, a script gets JSON and posts the same forms. Tokens are not its job.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';
import { interactionHtml, interactionJson, type InteractionView } from './interactionPages';
import { findUserByUsername, type DemoUser } from './users';

export const INTERACTION_PREFIX = '/interaction/';
const MAX_FORM_BYTES = 8 * 1024;

export interface InteractionContext {
  provider: Provider;
  users: readonly DemoUser[];
  audience: string;
}

/**
 * The path of an interaction, as `interactions.url` tells oidc-provider to redirect to.
 * @example interactionPath('abc') // '/interaction/abc'
 */
export function interactionPath(uid: string): string {
  return `${INTERACTION_PREFIX}${encodeURIComponent(uid)}`;
}

/**
 * Serves `/interaction/<uid>` (GET), `/login`, `/confirm` and `/abort` (POST). Returns false for
 * any other path, so the caller hands the request to oidc-provider.
 * @example if (!(await handleInteraction(ctx, req, res))) providerCallback(req, res);
 */
export async function handleInteraction(
  context: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse
): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith(INTERACTION_PREFIX)) return false;
  const [uid, action, ...extra] = path.slice(INTERACTION_PREFIX.length).split('/');
  if (!uid || extra.length > 0) return false;
  const method = req.method ?? 'GET';
  try {
    const details = await context.provider.interactionDetails(req, res);
    if (details.uid !== decodeURIComponent(uid)) {
      send(res, 400, wantsJson(req), {
        error: 'invalid_request',
        error_description: 'interaction mismatch',
      });
      return true;
    }
    if (action === undefined && method === 'GET') {
      renderPage(req, res, view(context, details), 200);
    } else if (action === 'login' && method === 'POST') {
      await submitLogin(context, req, res, details);
    } else if (action === 'confirm' && method === 'POST') {
      await submitConsent(context, req, res, details);
    } else if (action === 'abort' && (method === 'POST' || method === 'GET')) {
      await context.provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false }
      );
    } else {
      send(res, 405, wantsJson(req), {
        error: 'invalid_request',
        error_description: `${method} not allowed here`,
      });
    }
  } catch (error) {
    // SessionNotFound and friends: the interaction expired or the cookies are missing.
    const description = error instanceof Error ? error.message : 'interaction failed';
    send(res, 400, wantsJson(req), { error: 'invalid_request', error_description: description });
  }
  return true;
}

async function submitLogin(
  context: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails
): Promise<void> {
  if (details.prompt.name !== 'login') {
    renderPage(req, res, view(context, details, 'This step is not a login.'), 400);
    return;
  }
  const form = await readForm(req);
  const username = form.get('user') ?? '';
  const user = findUserByUsername(context.users, username);
  if (!user) {
    const known = context.users.map((u) => u.username).join(', ');
    const message = `Unknown user "${username}". Demo users: ${known}.`;
    renderPage(req, res, view(context, details, message), 401);
    return;
  }
  await context.provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub, remember: false } },
    { mergeWithLastSubmission: false }
  );
}

async function submitConsent(
  context: InteractionContext,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails
): Promise<void> {
  const accountId = details.session?.accountId;
  if (details.prompt.name !== 'consent' || accountId === undefined) {
    renderPage(req, res, view(context, details, 'This step is not a consent.'), 400);
    return;
  }
  await readForm(req);
  const { Grant } = context.provider;
  const clientId = String(details.params.client_id ?? '');
  const grant =
    (details.grantId ? await Grant.find(details.grantId) : undefined) ??
    new Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (Array.isArray(missing.missingOIDCScope)) {
    grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  }
  if (Array.isArray(missing.missingOIDCClaims)) {
    grant.addOIDCClaims(missing.missingOIDCClaims.map(String));
  }
  const resourceScopes = missing.missingResourceScopes;
  if (resourceScopes && typeof resourceScopes === 'object') {
    for (const [indicator, scopes] of Object.entries(resourceScopes)) {
      if (Array.isArray(scopes)) grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  const grantId = await grant.save();
  await context.provider.interactionFinished(req, res, { consent: { grantId } });
}

function view(
  context: InteractionContext,
  details: InteractionDetails,
  error?: string
): InteractionView {
  const { params } = details;
  const audience =
    typeof params.audience === 'string' && params.audience !== ''
      ? params.audience
      : context.audience;
  return {
    uid: details.uid,
    prompt: details.prompt.name,
    clientId: String(params.client_id ?? ''),
    scope: typeof params.scope === 'string' ? params.scope : '',
    audience,
    users: context.users,
    basePath: interactionPath(details.uid),
    ...(error ? { error } : {}),
  };
}

function renderPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: InteractionView,
  status: number
): void {
  if (wantsJson(req)) {
    send(res, status, true, interactionJson(page));
    return;
  }
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(interactionHtml(page));
}

function send(res: ServerResponse, status: number, json: boolean, body: object): void {
  if (json) {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    Object.values(body)
      .filter((v) => typeof v === 'string')
      .join(': ')
  );
}

function wantsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
