// The tutorial's placeholder vocabulary and the example value behind each one.
// Docs tests substitute these to validate snippets; the interactive snippets replace them with
// the reader's values. It does not validate values (the policy generator does).

export interface Placeholder {
  /** Token exactly as written in the docs, e.g. `<ISSUER>`. */
  token: string;
  /** What the reader should put there. */
  label: string;
  /** A realistic value used by tests and by the generator's tutorial example. */
  example: string;
}

export const PLACEHOLDERS = [
  {
    token: '<ISSUER>',
    label: 'OIDC issuer without https:// (host and any path)',
    example: 'dev-123456.okta.com/oauth2/default',
  },
  { token: '<AUDIENCE>', label: 'Audience (aud) of the access tokens', example: 'toolhive-aws' },
  { token: '<ACCOUNT_ID>', label: 'AWS account ID (12 digits)', example: '123456789012' },
  { token: '<DOMAIN>', label: 'Public host name of the proxy', example: 'mcp.example.com' },
  {
    token: '<CLIENT_ID>',
    label: 'OAuth client ID of your MCP client',
    example: '0oa1exampleclient',
  },
  {
    token: '<AUTH_CLIENT_ID>',
    label: "Client ID of ToolHive's embedded authorization server at your IdP",
    example: '0oa1toolhiveauthserver',
  },
] as const satisfies readonly Placeholder[];

export type PlaceholderToken = (typeof PLACEHOLDERS)[number]['token'];

/** Replaces every known placeholder in `text` with its example value. */
export function fillWithExamples(text: string): string {
  return PLACEHOLDERS.reduce((out, p) => out.split(p.token).join(p.example), text);
}
