// The `doctor` command line for the online checks, for pages that run the offline part and hand
// the reader the rest. It runs nothing.

import { shellQuote } from '../policy';

export interface DoctorCommandOptions {
  /** Default `aws-sts-auth-config.yaml`. */
  configFile?: string;
  /** Default `token.jwt`; `-` reads standard input. */
  tokenFile?: string;
  aws?: boolean;
  exchange?: boolean;
  proxyUrl?: string;
  region?: string;
  json?: boolean;
}

/**
 * The command to copy, values shell-quoted.
 * @example doctorCommand({ aws: true, proxyUrl: 'https://mcp.example.com/mcp' })
 * // 'npm run cli -- doctor --config aws-sts-auth-config.yaml --token token.jwt --aws --proxy https://mcp.example.com/mcp'
 */
export function doctorCommand(options: DoctorCommandOptions = {}): string {
  const words = [
    'npm run cli -- doctor',
    `--config ${shellQuote(options.configFile ?? 'aws-sts-auth-config.yaml')}`,
    `--token ${shellQuote(options.tokenFile ?? 'token.jwt')}`,
    ...(options.aws ? ['--aws'] : []),
    ...(options.exchange ? ['--exchange'] : []),
    ...(options.proxyUrl ? [`--proxy ${shellQuote(options.proxyUrl)}`] : []),
    ...(options.region ? [`--region ${shellQuote(options.region)}`] : []),
    ...(options.json ? ['--json'] : []),
  ];
  return words.join(' ');
}
