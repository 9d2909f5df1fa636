// Lint: typescript-eslint's recommended rules plus the layer boundary of DESIGN.md as errors.
//   core      → nothing (no vscode, no Node built-ins, no DOM)
//   shared    → core, types only (no vscode, no Node built-ins, no DOM)
//   extension → core, shared, vscode, Node
//   webview   → shared, core, DOM (no vscode, no Node built-ins, no extension code)
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const noVscode = { name: 'vscode', message: 'vscode may only be imported under src/extension/**.' };
const noNode = {
	// `node:*` and the bare names (fs, child_process, path, …): the layer must run in a browser.
	regex: `^(node:.*|(${nodeBuiltins.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`,
	message: 'Node built-ins are not allowed here: this layer must stay browser-safe (no file or process I/O).',
};
const fromExtension = { regex: '^\\.{1,2}/(.*/)?extension(/|$)', message: 'Only src/extension may use the extension layer.' };
/** src/webview seen from a file `depth` folders below src/extension (src/extension/webview is the host side, allowed). */
const fromWebviewAt = (depth) => ({
	regex: `^(\\.\\./){${depth + 1}}webview(/|$)`,
	message: 'The webview bundle is separate; talk to it through src/shared/protocol.ts.',
});

/** Globals that exist only in a browser or only in Node: neither belongs in core or shared. */
const environmentGlobals = [
	'window', 'document', 'navigator', 'self', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest',
	'requestAnimationFrame', 'HTMLElement', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global',
].map((name) => ({ name, message: `${name} is environment-specific; core and shared stay pure.` }));

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.tmp/**', 'src/core/data/**'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			// TypeScript checks names; the core rule does not know DOM/Node lib types.
			'no-undef': 'off',
			// Braces around every multi-line body; a one-line `if (x) return;` may stay bare.
			curly: ['error', 'multi-line'],
			eqeqeq: ['error', 'always'],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
		},
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [noVscode],
				patterns: [
					noNode,
					{ regex: '^\\.{1,2}/(.*/)?(extension|webview|shared)(/|$)', message: 'core depends on nothing else in src.' },
				],
			}],
			'no-restricted-globals': ['error', ...environmentGlobals],
		},
	},
	{
		files: ['src/shared/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [noVscode],
				patterns: [
					noNode,
					{ regex: '^\\.{1,2}/(.*/)?(extension|webview)(/|$)', message: 'shared is imported by both bundles; it cannot depend on either.' },
					{ regex: '^\\.{1,2}/(.*/)?core(/|$)', allowTypeImports: true, message: 'shared may use core types only (import type).' },
				],
			}],
			'no-restricted-globals': ['error', ...environmentGlobals],
		},
	},
	{
		files: ['src/webview/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [{ ...noVscode, message: 'The webview runs in a browser iframe; it cannot import vscode.' }],
				patterns: [noNode, fromExtension],
			}],
			// Document text reaches the DOM as text only.
			'no-restricted-properties': ['error',
				{ property: 'innerHTML', message: 'Use textContent; document text must never be parsed as HTML.' },
				{ property: 'outerHTML', message: 'Use textContent; document text must never be parsed as HTML.' },
				{ property: 'insertAdjacentHTML', message: 'Use textContent; document text must never be parsed as HTML.' },
				{ object: 'document', property: 'write', message: 'Use DOM methods and textContent.' },
			],
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error',
		},
	},
	...[0, 1, 2, 3].map((depth) => ({
		files: [`src/extension/${'*/'.repeat(depth)}*.ts`],
		rules: {
			'no-restricted-imports': ['error', { patterns: [fromWebviewAt(depth)] }],
		},
	})),
	{
		files: ['test/unit/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: [{ ...noVscode, message: 'Unit tests run in plain Node; put vscode tests under test/integration.' }] }],
		},
	},
	{
		files: ['test/**/*.ts'],
		rules: {
			// mocha's `this` and chai-free assertions need no extra rules; allow non-null assertions on DOM lookups.
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: {
			ecmaVersion: 2022,
			sourceType: 'module',
			globals: Object.fromEntries(
				['console', 'process', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'performance', 'fetch', 'AbortController', 'TextEncoder', 'TextDecoder', 'structuredClone', 'globalThis', 'queueMicrotask']
					.map((g) => [g, 'readonly']),
			),
		},
		rules: {
			'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['**/*.cjs'],
		languageOptions: {
			sourceType: 'commonjs',
			globals: { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' },
		},
	},
);
