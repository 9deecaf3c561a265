// The login and consent pages of the local OIDC provider, as HTML for browsers and as JSON for
// scripts (same data, same form posts). Pure rendering: it does not read requests or sessions.
import type { DemoUser } from './users';

/** What a page shows about the pending authorization request. */
export interface InteractionView {
  uid: string;
  /** `login` or `consent`. */
  prompt: string;
  clientId: string;
  scope: string;
  audience: string;
  /** The demo users to pick from (login only). */
  users: readonly DemoUser[];
  /** Base path of the interaction, `/interaction/<uid>`; forms post to `<base>/login` etc. */
  basePath: string;
  /** A message to show above the form (e.g. an unknown user). */
  error?: string;
}

/** The JSON form of an interaction page, for headless clients. */
export interface InteractionJson {
  uid: string;
  prompt: string;
  client_id: string;
  scope: string;
  audience: string;
  users?: { username: string; description?: string }[];
  /** Form posts: `login` takes `user=<username>`; `confirm` and `abort` take no fields. */
  actions: { login?: string; confirm?: string; abort: string };
  error?: string;
}

/**
 * The JSON a script reads to drive the flow without a browser.
 * @example interactionJson(view).actions.login // '/interaction/abc/login'
 */
export function interactionJson(view: InteractionView): InteractionJson {
  const login = view.prompt === 'login';
  return {
    uid: view.uid,
    prompt: view.prompt,
    client_id: view.clientId,
    scope: view.scope,
    audience: view.audience,
    ...(login
      ? {
          users: view.users.map((u) => ({
            username: u.username,
            ...(u.description ? { description: u.description } : {}),
          })),
        }
      : {}),
    actions: {
      ...(login ? { login: `${view.basePath}/login` } : { confirm: `${view.basePath}/confirm` }),
      abort: `${view.basePath}/abort`,
    },
    ...(view.error ? { error: view.error } : {}),
  };
}

/**
 * The HTML page for a browser: one button per demo user (login), or Allow/Deny (consent).
 * @example res.end(interactionHtml(view))
 */
export function interactionHtml(view: InteractionView): string {
  const title = view.prompt === 'login' ? 'Sign in to the sandbox' : 'Allow access?';
  const error = view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : '';
  const body = view.prompt === 'login' ? loginForm(view) : consentForm(view);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1c1e21}
button{display:block;width:100%;margin:.5rem 0;padding:.6rem;font-size:1rem;text-align:left;cursor:pointer}
small{color:#555}.error{color:#a4000f;font-weight:600}code{font-size:.95em}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Local OIDC provider for the ToolHive AWS STS sandbox. Client <code>${escapeHtml(view.clientId)}</code> asks for a token for <code>${escapeHtml(view.audience)}</code>.</p>
${error}
${body}
</body>
</html>
`;
}

function loginForm(view: InteractionView): string {
  const buttons = view.users
    .map(
      (user) =>
        `<button type="submit" name="user" value="${escapeHtml(user.username)}"><strong>${escapeHtml(user.username)}</strong> <small>sub <code>${escapeHtml(user.sub)}</code>, groups [${user.groups.map(escapeHtml).join(', ')}]${user.description ? `: ${escapeHtml(user.description)}` : ''}</small></button>`
    )
    .join('\n');
  return `<form method="post" action="${escapeHtml(view.basePath)}/login">
<p>Pick a demo user (no password: this provider is for local testing only).</p>
${buttons}
</form>
<form method="post" action="${escapeHtml(view.basePath)}/abort"><button type="submit">Cancel</button></form>`;
}

function consentForm(view: InteractionView): string {
  const scopes = view.scope.split(' ').filter(Boolean).map(escapeHtml).join(', ') || '(none)';
  return `<p>Scopes: ${scopes}</p>
<form method="post" action="${escapeHtml(view.basePath)}/confirm"><button type="submit" autofocus>Allow</button></form>
<form method="post" action="${escapeHtml(view.basePath)}/abort"><button type="submit">Deny</button></form>`;
}

/**
 * Escapes text for HTML element content and double-quoted attributes.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
