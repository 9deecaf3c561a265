// Saves generated files in the browser: one file as a Blob download, or all of them as a zip
// (fflate, loaded on first use) that keeps the aws/… and k8s/… paths. Nothing leaves the browser.
import type { ArtifactFiles } from '@toolhive-aws-sts/sandbox/policy';
import type { Zippable } from 'fflate';

/** The zip's name. */
export const ZIP_NAME = 'toolhive-aws-sts.zip';

/** Unix file modes in the zip: scripts executable, everything else read-write. */
const REGULAR_FILE = 0o100000;
const modeOf = (path: string) => REGULAR_FILE | (path.endsWith('.sh') ? 0o755 : 0o644);

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has surely read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads one file.
 * @example downloadText('setup.sh', files['aws/setup.sh'])
 */
export function downloadText(name: string, text: string): void {
  const type = name.endsWith('.json') ? 'application/json' : 'text/plain';
  save(new Blob([text], { type: `${type};charset=utf-8` }), name);
}

/**
 * Downloads every file as one zip, paths kept, scripts marked executable.
 * @example await downloadZip(files)
 */
export async function downloadZip(files: ArtifactFiles): Promise<void> {
  const { strToU8, zipSync } = await import('fflate');
  const entries: Zippable = {};
  for (const [path, text] of Object.entries(files)) {
    // The external attributes carry the Unix mode in their upper 16 bits.
    entries[path] = [strToU8(text), { os: 3, attrs: modeOf(path) * 0x10000 }];
  }
  const zip = zipSync(entries, { level: 6 });
  save(new Blob([zip], { type: 'application/zip' }), ZIP_NAME);
}
