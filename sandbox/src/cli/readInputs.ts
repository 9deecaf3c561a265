// Reads a command's inputs: the config file (loaded with loadAwsStsConfig) and the claims, from
// a JSON file, stdin or a JWT decoded locally. It does not verify tokens.

import { decodeJwt } from 'jose';
import { loadAwsStsConfig, type LoadResult } from '../config';
import { AwsStsError } from '../errors';
import type { CliIo } from './types';

/**
 * Reads and loads `--config`; file problems throw INVALID_INPUT, config problems are in the result.
 * @example await readConfig(io, 'aws-sts-auth-config.yaml')
 */
export async function readConfig(io: CliIo, path: string): Promise<LoadResult> {
  return loadAwsStsConfig(await io.readFile(path));
}

/**
 * The claims from `--claims FILE|-` (a JSON object) or `--token JWT|-` (payload decoded, not
 * verified). Exactly one must be given.
 * @example await readClaims(io, { claims: 'claims.json' })
 */
export async function readClaims(
  io: CliIo,
  source: { claims?: string | undefined; token?: string | undefined }
): Promise<Record<string, unknown>> {
  if ((source.claims === undefined) === (source.token === undefined)) {
    throw new AwsStsError('INVALID_INPUT', 'give exactly one of --claims FILE|- or --token JWT|-');
  }
  if (source.token !== undefined) {
    const token = source.token === '-' ? (await io.readStdin()).trim() : source.token.trim();
    try {
      return decodeJwt(token);
    } catch (error) {
      // jose's messages never include the token itself.
      const reason = error instanceof Error ? error.message : 'not a JWT';
      throw new AwsStsError('INVALID_INPUT', `--token is not a decodable JWT: ${reason}`);
    }
  }
  const path = source.claims ?? '-';
  const text = path === '-' ? await io.readStdin() : await io.readFile(path);
  const where = path === '-' ? 'standard input' : path;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw new AwsStsError('INVALID_INPUT', `--claims ${where} is not valid JSON: ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    throw new AwsStsError(
      'INVALID_INPUT',
      `--claims ${where} must be a JSON object of claims (a decoded JWT payload), got ${got}`
    );
  }
  return value as Record<string, unknown>;
}
