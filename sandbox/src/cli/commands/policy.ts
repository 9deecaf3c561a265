// `policy`: generates every IAM and Kubernetes artifact of the AWS STS tutorial from one values
// file, and writes them to a directory or prints them as JSON. The generating is policy/'s job.

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AwsStsError } from '../../errors';
import {
  FILE_PATHS,
  generateArtifactsFromText,
  PRESET_NAMES,
  type ArtifactFiles,
  type InputIssue,
} from '../../policy';
import { printJson } from '../output';
import { parseFlags, requireFlag } from '../parseFlags';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from '../types';

/** Writes the files under a directory; returns the directory it wrote to (absolute). */
export type ArtifactWriter = (dir: string, files: ArtifactFiles) => Promise<string>;

/**
 * Writes each file (creating folders); scripts are made executable. Relative `dir` is resolved
 * from where the user typed the command (npm's INIT_CWD under `npm run cli`).
 * @example await writeArtifactFiles('out', result.files)
 */
export const writeArtifactFiles: ArtifactWriter = async (dir, files) => {
  const viaNpm = process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD;
  const root = resolve(viaNpm ? (process.env.INIT_CWD ?? '.') : process.cwd(), dir);
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
    if (path.endsWith('.sh')) await chmod(target, 0o755);
  }
  return root;
};

const USAGE = `Usage: policy --input VALUES (--out DIR | --json)

Generates every IAM and Kubernetes artifact of the AWS STS tutorial from one set of values:
trust and permission policies for each role, AWS CLI setup and cleanup scripts, the ToolHive
resources (MCPOIDCConfig, MCPExternalAuthConfig, MCPRemoteProxy), a Gateway and HTTPRoute, and
a README that says what to run in which order.

Flags:
  --input FILE|-   the values, JSON or YAML; - reads standard input
  --out DIR        write the files under DIR (folders are created, files overwritten):
                     README.md
                     ${FILE_PATHS.trustPolicy('<RoleName>')}, ${FILE_PATHS.permissionPolicy('<RoleName>')}
                     ${FILE_PATHS.setupScript}, ${FILE_PATHS.cleanupScript}
                     ${FILE_PATHS.oidcConfig}, ${FILE_PATHS.externalAuthConfig},
                     ${FILE_PATHS.remoteProxy}, ${FILE_PATHS.gateway}, ${FILE_PATHS.ingress}
  --json           print {"files": {"<path>": "<text>", …}, "notes": ["…"]} instead; the
                   paths are those above, in that order
  -h, --help       show this help

Values (required unless a default is shown):
  issuer              OIDC issuer exactly as in the token's iss; https:// is added if missing
  audience            the aud of the access tokens
  accountId           12-digit AWS account ID, as a string
  partition           aws (default), aws-cn or aws-us-gov
  region              a Region of the AWS MCP Server, e.g. us-east-1 (others are noted)
  namespace           Kubernetes namespace, e.g. toolhive-system
  domain              public host name of the proxy, e.g. mcp.example.com
  roleClaim           default groups
  sessionNameClaim    default sub
  sessionDuration     900-43200 seconds, default 3600
  subjectProviderName VirtualMCPServer only: the upstream provider whose token goes to STS
  fallbackRole        {name, permissions, restrictSubjects?}
  roles               [{name, claim | matcher, priority?, permissions, restrictSubjects?}]
  restrictSubjects    allowed sub values for every trust policy; default [] (any subject)
  A fallbackRole, at least one role, or both. permissions is a preset (${PRESET_NAMES.join(', ')})
  or {actions: [...], resources: [...]}; either way it is allowed only through the AWS MCP
  Server, and every other use of the role's credentials is denied.

Relative paths are resolved from the current directory, or from the repository root when run
through "npm run cli" (npm changes directory before running the script).

Exit status: 0 generated, 2 bad usage or invalid values. With --json, invalid values print
{"error": {"code": "INVALID_INPUT", "message", "issues": [{"path", "message"}]}}.`;

/**
 * The command with an injectable file writer (tests pass an in-memory one).
 * @example createPolicyCommand(async (dir, files) => dir)
 */
export function createPolicyCommand(write: ArtifactWriter = writeArtifactFiles): Command {
  return {
    name: 'policy',
    summary:
      'Generate the IAM policies, AWS CLI scripts and Kubernetes manifests from one values file',
    usage: USAGE,

    async run(argv, io) {
      const flags = parseFlags('policy', argv, {
        input: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      });
      const json = flags.json === true;
      const input = requireFlag('policy', 'input', flags.input);
      if ((flags.out === undefined) === !json) {
        throw new AwsStsError(
          'INVALID_INPUT',
          'give exactly one of --out DIR or --json; run "policy --help" for usage'
        );
      }
      const text = input === '-' ? await io.readStdin() : await io.readFile(input);
      const result = generateArtifactsFromText(text);
      if (!result.ok) return reportIssues(io, input, result.issues, json);
      if (json) {
        printJson(io, { files: result.files, notes: result.notes });
        return EXIT_OK;
      }
      const out = flags.out ?? '';
      const root = await write(out, result.files);
      const paths = Object.keys(result.files);
      io.stdout(
        [
          `wrote ${paths.length} files to ${root}:`,
          ...paths.map((path) => `  ${path}`),
          ...result.notes.map((note) => `note: ${note}`),
          `next: follow ${join(out, FILE_PATHS.readme)} (bash ${join(out, FILE_PATHS.setupScript)}, then kubectl apply)`,
        ].join('\n')
      );
      return EXIT_OK;
    },
  };
}

/** `policy`, writing to the file system. */
export const policyCommand: Command = createPolicyCommand();

function reportIssues(io: CliIo, input: string, issues: InputIssue[], json: boolean): number {
  const where = input === '-' ? 'standard input' : input;
  const message = `${where}: ${issues.length} problem(s) with the values`;
  if (json) {
    // The documented shape: each issue's path and message (fieldPath is for forms).
    const shown = issues.map(({ path, message: says }) => ({ path, message: says }));
    printJson(io, { error: { code: 'INVALID_INPUT', message, issues: shown } });
  } else {
    io.stderr(
      [
        `error: ${message}:`,
        ...issues.map((found) =>
          found.path === '' || found.message.startsWith(found.path)
            ? `  ${found.message}`
            : `  ${found.path}: ${found.message}`
        ),
      ].join('\n')
    );
  }
  return EXIT_USAGE;
}
