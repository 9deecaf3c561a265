// The text equivalents of the site's interactive MDX components, for the Markdown twins and
// llms-full.txt: what the component does and where to use it. The components themselves live in
// src/components/; this file only describes them in words.

/** Where the text of a component appears: the page's own URL, to link to the interactive form. */
export interface ComponentContext {
  pageUrl: string;
}

/** A Markdown block that stands in for a component in the Markdown twin of a page. */
export type TextEquivalent = (context: ComponentContext) => string;

const note = (title: string, text: string) => `> **${title}.** ${text}`;

/**
 * One entry per component in src/theme/MDXComponents.tsx that renders more than text. A page that
 * uses a component missing here fails the build (transform.ts), so a new component gets its words.
 */
export const TEXT_EQUIVALENTS: Readonly<Record<string, TextEquivalent>> = {
  YourValues: ({ pageUrl }) =>
    note(
      'Your values (interactive on the web page)',
      `The [web version of this page](${pageUrl}) has a form that fills your own issuer, ` +
        'audience, account ID, domain and client ID into every code block. Here the code keeps ' +
        'the placeholders `<ISSUER>`, `<AUDIENCE>`, `<ACCOUNT_ID>`, `<DOMAIN>` and `<CLIENT_ID>`: ' +
        'replace them with the values from the table above.'
    ),
  PolicyGenerator: ({ pageUrl }) =>
    note(
      'Policy generator (interactive on the web page)',
      `The [web version of this page](${pageUrl}#policy-generator) generates every file of this ` +
        'tutorial from your values in one step: the trust and permission policies of each role, ' +
        'AWS CLI setup and cleanup scripts, the ToolHive resources (MCPOIDCConfig, ' +
        'MCPExternalAuthConfig, MCPRemoteProxy), and a Gateway and HTTPRoute. The steps below ' +
        'show the same files with placeholders.'
    ),
  RoleMappingPlayground: ({ pageUrl }) =>
    note(
      'Role-mapping playground (interactive on the web page)',
      `The [web version of this page](${pageUrl}) lets you edit an \`awsSts\` configuration and ` +
        "a token's claims and shows which IAM role ToolHive selects, which mapping matched and " +
        'why the others did not, and the session name. It runs the same rules as described here: ' +
        'claim and CEL matcher mappings, the lowest `priority` first, then `fallbackRoleArn`.'
    ),
  StsExchangeWalkthrough: ({ pageUrl }) =>
    note(
      'STS exchange walkthrough (interactive on the web page)',
      `The [web version of this page](${pageUrl}#sts-exchange-walkthrough) runs the request ` +
        'path step by step in the browser: token validation, role selection, the ' +
        '`AssumeRoleWithWebIdentity` call and the SigV4-signed request, with each step’s input ' +
        'and output.'
    ),
  DiagnoseSetup: ({ pageUrl }) =>
    note(
      'Setup diagnosis (interactive on the web page)',
      `The [web version of this page](${pageUrl}) runs \`doctor\`'s offline checks in your ` +
        'browser on a pasted access token, the configuration, the trust policy (or ' +
        '`aws iam get-role` output) and permission policies, and shows one line per link: ✓, ✗ ' +
        'with its fix, or – for the links only `doctor` can check. Nothing pasted leaves the ' +
        'browser. For every check, including the online ones, run `doctor` from a clone of this ' +
        "site's repository as shown below."
    ),
};
