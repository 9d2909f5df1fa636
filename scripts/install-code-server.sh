#!/usr/bin/env bash
# Installs the VS Code server shipped in the `code-server` npm package into a cache folder
# outside the clone, keyed by version, so repeated runs skip the download. Prints its path.
# Offline-safe: the one step that would reach outside the npm registry (ripgrep's binary
# download from GitHub in @vscode/ripgrep's postinstall) is seeded from the system's `rg`.
# Env: CODE_SERVER_VERSION (default 4.100.3), SEQUENCE_LENS_CACHE (default
# ${XDG_CACHE_HOME:-~/.cache}/sequence-lens).
set -euo pipefail
version="${CODE_SERVER_VERSION:-4.100.3}"
cache_root="${SEQUENCE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sequence-lens}"
dest="$cache_root/code-server-$version"
server="$dest/node_modules/code-server/lib/vscode/out/server-main.js"
if [[ -f "$dest/.complete" && -f "$server" ]]; then
	echo "$dest/node_modules/code-server"
	exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is required (apt-get install ripgrep)" >&2; exit 1; }
mkdir -p "$cache_root"
# Two test runs starting at once must not install into the same folder together.
exec 9>"$cache_root/.install-$version.lock"
flock -w 1800 9 || { echo "install-code-server: timed out waiting for another install" >&2; exit 1; }
if [[ -f "$dest/.complete" && -f "$server" ]]; then
	echo "$dest/node_modules/code-server"
	exit 0
fi
rm -rf "$dest"
mkdir -p "$dest"
work_tmp="$(mktemp -d)"
trap 'rm -rf "$work_tmp"' EXIT

case "$(uname -m)" in
	x86_64) rg_target=x86_64-unknown-linux-musl ;;
	aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
	*) echo "install-code-server: no ripgrep seeding for $(uname -m)" >&2; exit 1 ;;
esac

# Which @vscode/ripgrep the server uses comes from the package's own shrinkwrap, and which
# ripgrep release that package downloads from its postinstall; the tarballs land in npm's
# cache, so the install below does not download them again.
echo "install-code-server: reading the ripgrep pins of code-server@$version" >&2
pack="$work_tmp/pack"
mkdir -p "$pack"
(cd "$pack" && timeout 600 npm pack --silent "code-server@$version" >/dev/null)
tar -xzf "$pack/code-server-$version.tgz" -C "$pack" package/lib/vscode/npm-shrinkwrap.json
rg_version="$(node -e '
	const lock = require(process.argv[1]);
	const entry = lock.packages && lock.packages["node_modules/@vscode/ripgrep"];
	if (!entry) { process.exit(1); }
	console.log(entry.version);
' "$pack/package/lib/vscode/npm-shrinkwrap.json")" || { echo "install-code-server: no @vscode/ripgrep in the shrinkwrap" >&2; exit 1; }
(cd "$pack" && timeout 300 npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null)
tar -xzf "$pack/vscode-ripgrep-$rg_version.tgz" -C "$pack" package/lib/postinstall.js
rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$pack/package/lib/postinstall.js")"
[[ -n "$rg_tag" ]] || { echo "install-code-server: no ripgrep release tag in @vscode/ripgrep@$rg_version" >&2; exit 1; }
echo "install-code-server: @vscode/ripgrep $rg_version wants ripgrep $rg_tag; seeding it with $(command -v rg)" >&2

# @vscode/ripgrep looks for the release tarball in $TMPDIR/vscode-ripgrep-cache-<version>/
# before it downloads anything.
mkdir -p "$work_tmp/rg" "$work_tmp/vscode-ripgrep-cache-$rg_version"
cp "$(command -v rg)" "$work_tmp/rg/rg"
tar -czf "$work_tmp/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_tag-$rg_target.tar.gz" -C "$work_tmp/rg" rg

cd "$dest"
echo '{"name":"code-server-cache","private":true}' > package.json
echo "install-code-server: installing code-server@$version into $dest (about a minute)" >&2
# yes: node-pty's postinstall runs `npx node-gyp`; unsafe-perm: code-server's postinstall
# refuses to run as root without it.
TMPDIR="$work_tmp" npm_config_yes=true timeout 1500 npm install --no-audit --no-fund --unsafe-perm \
	"code-server@$version" >&2
[[ -f "$server" ]] || { echo "install-code-server: $server missing after install" >&2; exit 1; }
[[ -x "$dest/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] ||
	{ echo "install-code-server: ripgrep binary missing after install" >&2; exit 1; }
touch "$dest/.complete"
echo "$dest/node_modules/code-server"
