// Test support: puts the `aws` shim on a PATH directory as an executable `aws`. The shim is
// bundled once with esbuild (tsx's compiler) so each call starts in well under a second; if
// esbuild is unavailable it falls back to `node --import tsx awsCliShim.ts`. Node only.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIM = fileURLToPath(new URL('./awsCliShim.ts', import.meta.url));

/** Single-quotes a path for a POSIX shell. */
const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Writes `<dir>/bin/aws` and returns `<dir>/bin`, to put first on PATH.
 * @example const bin = await installAwsCliShim(tmp); env.PATH = `${bin}:${process.env.PATH}`
 */
export async function installAwsCliShim(dir: string): Promise<string> {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const command = await bundledCommand(join(dir, 'aws-cli-shim.mjs'));
  const script = `#!/bin/sh\n# Test stand-in for the AWS CLI (sandbox/test/awsCliShim.ts).\nexec ${command} "$@"\n`;
  writeFileSync(join(bin, 'aws'), script);
  chmodSync(join(bin, 'aws'), 0o755);
  return bin;
}

async function bundledCommand(outfile: string): Promise<string> {
  const node = quote(process.execPath);
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [SHIM],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      // Bundled CommonJS dependencies call require(); give the ES module one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    return `${node} --no-warnings ${quote(outfile)}`;
  } catch {
    const tsx = quote(import.meta.resolve('tsx'));
    return `${node} --no-warnings --import ${tsx} ${quote(SHIM)}`;
  }
}
