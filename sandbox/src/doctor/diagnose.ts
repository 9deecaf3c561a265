// Runs every check in the order a request crosses the links and returns the report. The only
// I/O is through what the caller injects (fetch, an IamReader, an STS exchange), so the same code
// runs offline in a browser and online from the CLI.

import { readAccount, pastedAccount, type AccountFacts } from './accountFacts';
import { configRoleArns } from './arns';
import { checkConfig } from './checkConfig';
import { checkDiscovery } from './checkDiscovery';
import { checkJwks } from './checkJwks';
import { checkPermissions } from './checkPermissions';
import { checkProvider } from './checkProvider';
import { checkProxy } from './checkProxy';
import { checkRoleMapping } from './checkRoleMapping';
import { checkRoles } from './checkRoles';
import { checkSessionName } from './checkSessionName';
import { checkSts } from './checkSts';
import { checkToken } from './checkToken';
import { checkTrustPolicy } from './checkTrustPolicy';
import { readSetup } from './readSetup';
import { audiences, readToken } from './readToken';
import { buildReport } from './report';
import type { DoctorInput, DoctorOptions, DoctorReport } from './types';

/** Per HTTP request when the caller sets none. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Diagnoses a setup: the offline checks always, each online check when its client is given.
 * Never throws for bad input: every problem is a failed check. The token appears in no check.
 * @example
 * const report = await diagnose({ token, config: yamlText }); // offline, e.g. in a browser
 * const online = await diagnose({ token, config }, { fetch, iam, sts: { exchange }, proxyUrl });
 */
export async function diagnose(
  input: DoctorInput,
  options: DoctorOptions = {}
): Promise<DoctorReport> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const token = input.token.trim();
  const setup = readSetup(input.config);
  const config = setup.load.ok ? setup.load.config : undefined;
  const tokenFacts = await readToken(token);
  const claims = tokenFacts.claims;
  const issuer = typeof claims?.iss === 'string' ? claims.iss : undefined;
  const tokenAudiences = claims ? audiences(claims) : [];

  const roleMapping = checkRoleMapping(config, claims);
  const session = checkSessionName(config, claims);
  const roleArns = config ? configRoleArns(config) : [];

  const [issuerChecks, proxy, account] = await Promise.all([
    (async () => {
      const discovery = await checkDiscovery(issuer, options.fetch, timeoutMs, now);
      const jwks = await checkJwks({
        token,
        header: tokenFacts.header,
        jwksUri: discovery.jwksUri,
        discoveryStatus: discovery.check.status,
        fetch: options.fetch,
        timeoutMs,
        now,
        configuredJwksUrl: setup.oidc?.jwksUrl,
      });
      return { discovery, jwks };
    })(),
    checkProxy({ proxyUrl: options.proxyUrl, fetch: options.fetch, timeoutMs, now, issuer, setup }),
    accountFacts(input, options, roleArns, issuer, roleMapping.roleArn),
  ]);

  const at = now();
  return buildReport([
    checkConfig(setup),
    proxy,
    checkToken({
      facts: tokenFacts,
      token,
      setup,
      now: at,
      ...(issuerChecks.discovery.skewSeconds !== undefined
        ? { skewSeconds: issuerChecks.discovery.skewSeconds }
        : {}),
    }),
    issuerChecks.discovery.check,
    issuerChecks.jwks,
    roleMapping.check,
    session.check,
    checkProvider({
      facts: account,
      issuer,
      audiences: tokenAudiences,
      roleArn: roleMapping.roleArn ?? roleArns[0],
    }),
    checkRoles(account, config, roleMapping.roleArn),
    checkTrustPolicy({
      facts: account,
      roleArn: roleMapping.roleArn,
      token,
      configAudience: setup.proxy?.audience,
      now: at,
    }),
    await checkSts({
      target: options.sts,
      config,
      token,
      roleArn: roleMapping.roleArn,
      sessionName: session.sessionName,
    }),
    checkPermissions(account, roleMapping.roleArn, config?.region, at),
  ]);
}

/** IAM when a reader is given, else whatever was pasted, else nothing. */
async function accountFacts(
  input: DoctorInput,
  options: DoctorOptions,
  roleArns: readonly string[],
  issuer: string | undefined,
  roleArn: string | undefined
): Promise<AccountFacts | undefined> {
  if (options.iam !== undefined) return readAccount(options.iam, roleArns, issuer);
  const pasted =
    (input.trustPolicy ?? '').trim() !== '' ||
    (input.permissionPolicies ?? []).some((text) => text.trim() !== '');
  return pasted ? pastedAccount(input, roleArn) : undefined;
}
