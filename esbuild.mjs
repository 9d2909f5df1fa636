// Builds the bundles into dist/: the extension (node, cjs), the webview (browser, iife, with its
// CSS), the core as a plain CommonJS library, the NER worker and the regex worker (node, cjs). Flags: --production, --watch.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'warning',
	target: 'es2022',
	legalComments: 'none',
};

/** Reports errors in the form VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			console.log('[watch] build finished');
		});
	},
};

/**
 * `import * as vscode from 'vscode'` of an external CommonJS module makes esbuild copy every
 * property of the API object into a fresh namespace object, once per importing file: about
 * 200 names times 37 files, a third of the extension's load time. This plugin gives those files
 * one ES module instead that reads the API object once; the names come from @types/vscode, so a
 * name missing there fails the build rather than the extension.
 */
const vscodeOnce = {
	name: 'vscode-once',
	setup(build) {
		const typings = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
		const names = [...new Set([...typings.matchAll(/^\t(?:export )?(?:const|let|class|enum|namespace|function) (\w+)/gm)].map((m) => m[1]))];
		build.onResolve({ filter: /^vscode$/ }, (resolved) =>
			resolved.kind === 'require-call' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
		);
		build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
			contents: `const api = require('vscode');\nexport const { ${names.join(', ')} } = api;\n`,
			loader: 'js',
		}));
	},
};

const builds = [
	{
		...shared,
		entryPoints: { extension: 'src/extension/extension.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
		external: ['vscode'],
		plugins: [vscodeOnce],
	},
	{
		...shared,
		entryPoints: { webview: 'src/webview/main.ts' },
		outdir: 'dist',
		platform: 'browser',
		format: 'iife',
	},
	{
		...shared,
		// The library keeps readable output: other tools read it and its stack traces.
		minify: false,
		entryPoints: { core: 'src/core/index.ts' },
		outdir: 'dist',
		platform: 'neutral',
		mainFields: ['module', 'main'],
		format: 'cjs',
	},
	{
		...shared,
		// The NER tagger (compromise) runs in a worker thread of its own, so the extension bundle
		// that loads at activation never carries it.
		entryPoints: { nerWorker: 'src/extension/labels/nerWorker.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
	},
	{
		...shared,
		// A user's tokenizer pattern runs here, so catastrophic backtracking stalls only this thread.
		entryPoints: { regexWorker: 'src/extension/regex/regexWorker.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
	},
];

const plugins = watch ? [problemMatcher] : [];
if (watch) {
	const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), ...plugins] })));
	await Promise.all(contexts.map((c) => c.watch()));
} else {
	await Promise.all(builds.map((b) => esbuild.build({ ...b, plugins: [...(b.plugins ?? []), ...plugins] })));
}
