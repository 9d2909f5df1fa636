// The security promise "no network access anywhere", checked on what actually ships: the built
// bundles in dist/ (npm test builds them first). A dependency that starts fetching, or a new
// import of a network module, fails here. docs/security.md explains the rules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../support/repoRoot';

const dist = path.join(findRepoRoot(__dirname), 'dist');
const bundles = ['extension.js', 'nerWorker.js', 'webview.js'];

/** Node modules that open sockets or resolve names. */
const networkModules = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'inspector'];
/** Browser and Node globals that reach the network. */
const networkApis = [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bimportScripts\b/, /\bimport\s*\(/];

function requiredModules(code: string): string[] {
	return [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1].replace(/^node:/, ''));
}

describe('shipped bundles (no network access)', () => {
	for (const name of bundles) {
		it(`${name} loads no network module and calls no network API`, () => {
			const file = path.join(dist, name);
			assert.ok(fs.existsSync(file), `${file} exists (run npm run build first)`);
			const code = fs.readFileSync(file, 'utf8');
			const modules = requiredModules(code);
			for (const module of modules) {
				assert.ok(!networkModules.includes(module), `${name} requires ${module}`);
			}
			// Only the extension host may start a program (an external tagger, in trusted workspaces).
			if (name !== 'extension.js') {
				assert.ok(!modules.includes('child_process'), `${name} requires child_process`);
			}
			for (const api of networkApis) {
				assert.doesNotMatch(code, api, `${name} uses ${api.source}`);
			}
		});
	}

	it('the webview bundle requires nothing at all (it runs in the browser)', () => {
		const code = fs.readFileSync(path.join(dist, 'webview.js'), 'utf8');
		assert.deepEqual(requiredModules(code), []);
	});
});
