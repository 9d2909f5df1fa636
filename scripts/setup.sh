#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there:
#   1. Debian packages: chromium (the browser the UI tests drive), ripgrep (seeds code-server's
#      ripgrep), libkrb5-dev (headers for code-server's kerberos module), python3-numpy,
#      python3-nltk, python3-sklearn (the oracles of the export and convention tests, for
#      /usr/bin/python3); apt-get runs only when one is missing, and only as root.
#   2. node_modules: `npm ci`; with --quick only when node_modules is missing or does not match
#      package-lock.json.
#   3. code-server (the VS Code server the tests run in) into a cache folder outside the clone,
#      keyed by its version (scripts/install-code-server.sh).
# Usage: scripts/setup.sh [--quick]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
quick=false
[[ "${1:-}" == --quick ]] && quick=true

say() { echo "setup: $*" >&2; }

apt_packages=(chromium ripgrep libkrb5-dev python3-numpy python3-nltk python3-sklearn)
if command -v dpkg-query >/dev/null; then
	missing=()
	for pkg in "${apt_packages[@]}"; do
		if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$pkg")
		fi
	done
	if ((${#missing[@]} > 0)); then
		if [[ "$(id -u)" == 0 ]]; then
			say "installing ${missing[*]} with apt-get"
			export DEBIAN_FRONTEND=noninteractive
			timeout 600 apt-get update -q
			timeout 1200 apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			say "installing ${missing[*]} with sudo apt-get"
			timeout 600 sudo -n apt-get update -q
			timeout 1200 sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
		else
			say "missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})"
			exit 1
		fi
	fi
else
	for tool in chromium rg; do
		command -v "$tool" >/dev/null || say "warning: $tool not found and this is not a Debian system; install it yourself"
	done
fi

# node_modules matches the lock when every non-optional package of package-lock.json is in
# npm's record of what it installed (node_modules/.package-lock.json) at the same version.
node_modules_current() {
	[[ -f node_modules/.package-lock.json ]] || return 1
	node -e '
		const fs = require("node:fs");
		const want = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages || {};
		const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages || {};
		for (const [key, entry] of Object.entries(want)) {
			if (key === "" || entry.optional || entry.link) continue;
			if (!have[key] || have[key].version !== entry.version || !fs.existsSync(key)) {
				console.error(`setup: ${key} is not installed at ${entry.version}`);
				process.exit(1);
			}
		}
	'
}

if [[ "$quick" == false ]] || ! node_modules_current; then
	say "npm ci"
	timeout 1200 npm ci --no-audit --no-fund </dev/null >&2
fi

code_server="$(bash scripts/install-code-server.sh)"
say "code-server: $code_server"
