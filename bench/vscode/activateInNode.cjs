// Secondary activation figure, outside VS Code: time to require dist/extension.js and run its
// activate() in a plain Node process, with `vscode` replaced by an inert stand-in (every
// property, call and `new` gives the stand-in back). It measures the extension's own code
// loading and activation work, not VS Code's extension host; the primary figure is VS Code's.
// Usage: node --expose-gc activateInNode.cjs [path/to/extension.js]. Prints one JSON line: { requireMs, activateMs }.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

function inert() {
	const target = function () {};
	const proxy = new Proxy(target, {
		get(_t, key) {
			if (key === Symbol.toPrimitive) {
				return () => 0;
			}
			if (key === Symbol.iterator) {
				return function* () {};
			}
			if (key === 'then') {
				return undefined;
			}
			return proxy;
		},
		apply: () => proxy,
		construct: () => proxy,
		set: () => true,
	});
	return proxy;
}

// A plain object with every top-level name of the vscode API (esbuild's interop copies own
// properties), each of them inert.
const declarations = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const stub = {};
for (const m of declarations.matchAll(/^\t(?:export )?(?:const|let|class|enum|namespace|function) (\w+)/gm)) {
	stub[m[1]] = inert();
}
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };

const main = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', 'dist', 'extension.js'));
// Building the stand-in reads a large file: collect its garbage before the clock starts.
global.gc?.();
const t0 = performance.now();
const extension = require(main);
const t1 = performance.now();
const subscriptions = [];
// The manifest beside the bundle (the .vsix's extension/package.json, or the repository's): activate() reads it.
const manifest = [path.join(path.dirname(main), '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')].find((p) => require('node:fs').existsSync(p));
const extensionObject = { packageJSON: manifest ? require(manifest) : {}, extensionUri: inert(), extensionPath: path.dirname(main) };
extension.activate({ subscriptions, extension: extensionObject, extensionUri: inert(), extensionPath: path.dirname(main), globalState: inert(), workspaceState: inert(), asAbsolutePath: (p) => p });
const t2 = performance.now();
console.log(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, subscriptions: subscriptions.length }));
