#!/usr/bin/env bash
# Runs any command on the project's pinned Node.js 24 LTS (the version in .nvmrc), the runtime CI
# uses. The runtime comes from the npm registry: the `node-<os>-<arch>` package ships the official
# binary, and npm checks its integrity. It is unpacked once into .cache/node-<version>/ and put
# first on PATH, so `node`, `npm` and `npx` in the command all use it.
#
#   scripts/with-node24.sh npm test
#   scripts/with-node24.sh node --version
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(tr -d ' \n\r' < "$root/.nvmrc")"
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "with-node24: no Node.js package for $(uname -s); install Node.js $version yourself" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "with-node24: no Node.js package for $(uname -m); install Node.js $version yourself" >&2; exit 1 ;;
esac
package="node-$os-$arch"
dir="$root/.cache/node-$version"

if [ ! -x "$dir/bin/node" ]; then
  echo "with-node24: fetching Node.js $version ($package@$version) from the npm registry" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # npm pack downloads the tarball and verifies it against the registry's integrity hash.
  (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp/$package-$version.tgz" -C "$tmp/unpacked"
  "$tmp/unpacked/package/bin/node" --version >/dev/null
  mkdir -p "$root/.cache"
  rm -rf "$dir"
  mv "$tmp/unpacked/package" "$dir"
fi

if [ $# -eq 0 ]; then
  echo "usage: scripts/with-node24.sh COMMAND [ARGS...]   (runs COMMAND on Node.js $version)" >&2
  exit 2
fi

# npm and npx are JavaScript programs started with `#!/usr/bin/env node`: with this directory first
# on PATH they run on Node.js $version too.
export PATH="$dir/bin:$PATH"
exec "$@"
