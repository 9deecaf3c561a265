// The `doctor` command for the checks a browser cannot make (issuer discovery and keys, IAM, STS,
// the proxy), built by the core's doctorCommand from the reader's choices and the proxy URL their
// configuration names. The token is read from $TOKEN through standard input, never written here.
import { doctorCommand, readSetup } from '@toolhive-aws-sts/sandbox/doctor';

/** The file the page tells the reader to save the configuration in. */
export const CONFIG_FILE = 'aws-sts-setup.yaml';

/** The shell variable the tutorial's Step 6 exports the access token in. */
export const TOKEN_VARIABLE = 'TOKEN';

export interface OnlineChoices {
  /** `--aws`: read IAM with the reader's AWS credentials. */
  aws: boolean;
  /** `--exchange`: the real AssumeRoleWithWebIdentity call. */
  exchange: boolean;
  /** `--proxy URL`, when not empty. */
  proxyUrl: string;
}

/** The same rule as the CLI's: an http(s) URL without white space. */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(text);
}

/**
 * The proxy's MCP endpoint as the pasted MCPRemoteProxy names it (`resourceUrl`), if it does.
 * @example proxyUrlOf(tutorialConfig) // 'https://mcp.example.com/mcp'
 */
export function proxyUrlOf(config: string): string | undefined {
  const url = readSetup(config).proxy?.resourceUrl?.trim();
  return url !== undefined && isHttpUrl(url) ? url : undefined;
}

/**
 * The command line to copy: the token piped from $TOKEN, the configuration from CONFIG_FILE.
 * A proxy URL that is not an http(s) URL is left out (the page says why).
 * @example onlineCommand({ aws: true, exchange: false, proxyUrl: '' })
 * // `printf '%s' "$TOKEN" | npm run cli -- doctor --config aws-sts-setup.yaml --token - --aws`
 */
export function onlineCommand(choices: OnlineChoices): string {
  const proxyUrl = choices.proxyUrl.trim();
  const doctor = doctorCommand({
    configFile: CONFIG_FILE,
    tokenFile: '-',
    aws: choices.aws,
    exchange: choices.exchange,
    ...(isHttpUrl(proxyUrl) ? { proxyUrl } : {}),
  });
  return `printf '%s' "$${TOKEN_VARIABLE}" | ${doctor}`;
}
