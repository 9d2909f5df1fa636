#!/usr/bin/env bash
# Installs the VS Code server shipped in the `code-server` npm package into a cache folder
# outside the clone, keyed by version, so repeated runs skip the download. Prints its path.
# Offline-safe: the one step that would reach outside the npm registry (ripgrep's binary
# download) is seeded from the system's `rg`.
set -euo pipefail
version="${CODE_SERVER_VERSION:-4.100.3}"
cache_root="${SEQUENCE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sequence-lens}"
dest="$cache_root/code-server-$version"
server="$dest/node_modules/code-server/lib/vscode/out/server-main.js"
if [[ -f "$dest/.complete" && -f "$server" ]]; then
  echo "$dest/node_modules/code-server"
  exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is required" >&2; exit 1; }
rm -rf "$dest"
mkdir -p "$dest"
work_tmp="$(mktemp -d)"
trap 'rm -rf "$work_tmp"' EXIT
# @vscode/ripgrep looks for its release tarball in $TMPDIR/vscode-ripgrep-cache-<version>/
# before downloading it; we put a tarball of the system's rg there for every version and
# tag that code-server's shrinkwrap can ask for.
rg_dir="$work_tmp/rg"; mkdir -p "$rg_dir"; cp "$(command -v rg)" "$rg_dir/rg"
for rgv in 1.15.11 1.15.10 1.15.9 1.15.14 1.16.0; do
  for tag in v13.0.0-10 v13.0.0-11 v13.0.0-12 v13.0.0-13 v14.1.1-1 v13.0.0-4; do
    mkdir -p "$work_tmp/vscode-ripgrep-cache-$rgv"
    tar -czf "$work_tmp/vscode-ripgrep-cache-$rgv/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$rg_dir" rg
  done
done
cd "$dest"
echo '{"name":"code-server-cache","private":true}' > package.json
echo "install-code-server: installing code-server@$version into $dest (about a minute)" >&2
TMPDIR="$work_tmp" npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
  "code-server@$version" >&2
[[ -f "$server" ]] || { echo "install-code-server: $server missing after install" >&2; exit 1; }
touch "$dest/.complete"
echo "$dest/node_modules/code-server"
