// Builds the bundles into dist/: the extension (node, cjs), the webview (browser, iife, with its
// CSS), the core as a plain CommonJS library, the NER worker and the regex worker (node, cjs). Flags: --production, --watch.
import * as esbuild from 'esbuild';

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

const builds = [
	{
		...shared,
		entryPoints: { extension: 'src/extension/extension.ts' },
		outdir: 'dist',
		platform: 'node',
		format: 'cjs',
		external: ['vscode'],
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
	const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins })));
	await Promise.all(contexts.map((c) => c.watch()));
} else {
	await Promise.all(builds.map((b) => esbuild.build({ ...b, plugins })));
}
