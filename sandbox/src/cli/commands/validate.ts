// `validate`: checks an awsSts configuration against every ToolHive layer and lists every
// problem. It does not evaluate claims (see `role`).

import type { ConfigIssue, ValidationLayer } from '../../config';
import { printJson } from '../output';
import { parseFlags, requireFlag } from '../parseFlags';
import { readConfig } from '../readInputs';
import { EXIT_FAILURE, EXIT_OK, type Command } from '../types';

const LAYER_NAMES: Record<ValidationLayer, string> = {
  schema: 'API server (CRD schema)',
  operator: 'operator',
  runtime: 'proxy runtime',
  roleMapper: 'proxy startup (CEL compile)',
  document: 'file',
};

export const validateCommand: Command = {
  name: 'validate',
  summary: "Check an awsSts configuration against all of ToolHive's validation layers",
  usage: `Usage: validate --config FILE [--json]

Checks an awsSts configuration against every rule ToolHive applies: the CRD schema (Kubernetes
API server), the operator, the proxy runtime, and compiling CEL matchers. Lists every problem
at once, with its path, line and the layers that reject it.

Flags:
  --config FILE   MCPExternalAuthConfig YAML (multi-document files are fine) or a bare awsSts
                  object (YAML or JSON)
  --json          print {"valid": true} or {"valid": false, "errors": [{path, code, message}]}
  -h, --help      show this help

Relative paths are resolved from the current directory, or from the repository root when run
through "npm run cli" (npm changes directory before running the script).

Exit status: 0 valid, 1 invalid, 2 bad usage or unreadable file.`,

  async run(argv, io) {
    const flags = parseFlags('validate', argv, {
      config: { type: 'string' },
      json: { type: 'boolean' },
    });
    const path = requireFlag('validate', 'config', flags.config);
    const result = await readConfig(io, path);
    if (result.ok) {
      const warnings = result.warnings.length > 0 ? { warnings: result.warnings } : {};
      if (flags.json) printJson(io, { valid: true, ...warnings });
      else {
        const what = result.name ? `${result.source} "${result.name}"` : result.source;
        const { region, roleMappings, fallbackRoleArn } = result.config;
        const fallback = fallbackRoleArn ? `, fallback ${fallbackRoleArn}` : ', no fallback role';
        io.stdout(
          `valid: ${path} (${what}, region ${region}, ${roleMappings.length} role mapping(s)${fallback})`
        );
        for (const warning of result.warnings) io.stdout(`warning: ${warning}`);
      }
      return EXIT_OK;
    }
    if (flags.json) printJson(io, { valid: false, errors: result.issues.map(toJsonError) });
    else {
      io.stdout(`invalid: ${path}: ${result.issues.length} problem(s)`);
      for (const found of result.issues) io.stdout(formatIssue(found));
    }
    return EXIT_FAILURE;
  },
};

function toJsonError(found: ConfigIssue) {
  const { path, code, message, layers, line, column } = found;
  return { path, code, message, layers, ...(line !== undefined ? { line, column } : {}) };
}

function formatIssue(found: ConfigIssue): string {
  const where = found.line !== undefined ? `line ${found.line}:${found.column ?? 1}  ` : '';
  const path = found.path === '' ? '' : `${found.path}  `;
  const layers = found.layers.map((layer) => LAYER_NAMES[layer]).join(', ');
  return `  ${where}${path}[${found.code}] ${found.message} (rejected by: ${layers})`;
}
