// Registers aws___call_aws and aws___run_script: parse, run each call as the signed request's
// assumed role, render results or AWS's errors. Parsing, IAM and data live in their own modules.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { formatBucketListing, formatObjectListing, toCliJson, withTimestamps } from './awsOutput';
import type { AwsCaller } from './caller';
import { parseCliCommand, SUPPORTED_CLI_COMMANDS, type CliDisplay } from './cliCommand';
import type { FakeBucket } from './fakeS3';
import { invokeAwsCall, SUPPORTED_OPERATIONS, type AwsCallResult } from './operations';
import { parseScriptCalls } from './scriptCalls';
import { callerOf, toolError, toolText } from './toolResults';

export interface ApiToolDeps {
  region: string;
  buckets: readonly FakeBucket[];
  now: () => Date;
  onToolCall?: (name: string) => void;
  /** Called for every AWS call a tool made, allowed or not. */
  onAwsCall?: (result: AwsCallResult) => void;
}

const CALL_AWS_DESCRIPTION = `Runs an AWS CLI command with the caller's credentials.
DEPRECATED on the real AWS MCP Server: deprecated on 2026-07-15 and removed on 2026-08-31; use aws___run_script. The emulator keeps it because the sandbox's tutorial steps use it.
Emulated: only these read commands are understood: ${SUPPORTED_CLI_COMMANDS.join('; ')}. Calls are authorized against the assumed role's permission policies with aws:ViaAWSMCPService=true and aws:CalledViaAWSMCP=aws-mcp.amazonaws.com (sts get-caller-identity always succeeds, as on AWS); S3 data is fake.`;

const RUN_SCRIPT_DESCRIPTION = `Runs a Python script whose only access to AWS is call_boto3(service_name=..., operation_name=..., **params).
Emulated: the code is NOT executed. The emulator finds the call_boto3(...) calls in the text, reads their literal keyword arguments (strings, numbers, True/False/None, dicts, lists; no variables), runs them in order and returns their results as JSON; print() and all other Python is ignored. Supported operations: ${SUPPORTED_OPERATIONS.join(', ')}. Calls are authorized like aws___call_aws; a denied call stops the script with botocore's ClientError text.`;

/**
 * Adds aws___call_aws and aws___run_script to an MCP server.
 * @example registerApiTools(server, { region: 'us-east-1', buckets: DEFAULT_BUCKETS, now: () => new Date() })
 */
export function registerApiTools(server: McpServer, deps: ApiToolDeps): void {
  server.registerTool(
    'aws___call_aws',
    {
      title: 'Call AWS (deprecated)',
      description: CALL_AWS_DESCRIPTION,
      inputSchema: {
        cli_command: z.string().min(1).describe('A complete AWS CLI command starting with "aws"'),
        max_results: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Accepted for compatibility; ignored'),
      },
    },
    async ({ cli_command }, extra) => {
      deps.onToolCall?.('aws___call_aws');
      const caller = callerOf(extra.authInfo);
      if (!caller) return toolError('The request carried no authenticated AWS caller.');
      const parsed = parseCliCommand(cli_command);
      if (!parsed.ok) return toolError(parsed.message);
      const result = run(deps, caller, parsed.call, parsed.region);
      if (!result.ok) return toolError(result.message);
      return toolText(renderCli(parsed.display, result.output));
    }
  );

  server.registerTool(
    'aws___run_script',
    {
      title: 'Run a script',
      description: RUN_SCRIPT_DESCRIPTION,
      inputSchema: {
        code: z.string().min(1).describe('Python code that calls call_boto3(...)'),
      },
    },
    async ({ code }, extra) => {
      deps.onToolCall?.('aws___run_script');
      const caller = callerOf(extra.authInfo);
      if (!caller) return toolError('The request carried no authenticated AWS caller.');
      const parsed = parseScriptCalls(code);
      if (!parsed.ok) return toolError(parsed.message);
      const results: unknown[] = [];
      for (const call of parsed.calls) {
        const result = run(deps, caller, call, call.region);
        if (!result.ok) {
          const before =
            results.length > 0 ? `Results before the error:\n${json(results)}\n\n` : '';
          return toolError(`${before}${exceptionLine(result)}`);
        }
        results.push({ service: call.service, operation: call.operation, response: result.output });
      }
      return toolText(json(results));
    }
  );
}

function run(
  deps: ApiToolDeps,
  caller: AwsCaller,
  call: { service: string; operation: string; params: Record<string, unknown> },
  region: string | undefined
): AwsCallResult {
  const result = invokeAwsCall(call, {
    caller,
    now: deps.now(),
    region: region ?? deps.region,
    buckets: deps.buckets,
  });
  deps.onAwsCall?.(result);
  return result;
}

function renderCli(display: CliDisplay, output: Record<string, unknown>): string {
  if (display === 'json') return toCliJson(output);
  if (Array.isArray(output.Buckets)) {
    return formatBucketListing(output.Buckets as { Name: string; CreationDate: Date }[]);
  }
  return formatObjectListing(
    typeof output.Prefix === 'string' ? output.Prefix : '',
    (output.CommonPrefixes ?? []) as { Prefix: string }[],
    (output.Contents ?? []) as { Key: string; LastModified: Date; Size: number }[]
  );
}

function exceptionLine(result: Extract<AwsCallResult, { ok: false }>): string {
  if (result.errorCode === 'ParamValidation') {
    return `botocore.exceptions.ParamValidationError: ${result.message}`;
  }
  if (result.errorCode === 'UnsupportedOperation') return result.message;
  return `botocore.exceptions.ClientError: ${result.message}`;
}

function json(value: unknown): string {
  return JSON.stringify(withTimestamps(value), null, 2);
}
