// Runs the integration tests through @vscode/test-electron's runTests(), unmodified. Which
// VS Code runs them is an explicit choice, SEQUENCE_LENS_VSCODE:
//   server (default) - the VS Code server of the code-server npm package, driven through
//                      scripts/code-shim (works offline: only the npm registry is needed);
//   desktop          - the desktop build of VS Code 1.100.3, downloaded by test-electron.
// Two run configurations, each in a fresh VS Code: `main` (suite/, workspace trust off) and
// `untrusted` (untrusted/, workspace trust on and the folder not trusted). The server mode runs
// both; the desktop mode runs `main` only, since test-electron always disables workspace trust.
// SEQUENCE_LENS_INTEGRATION_RUNS=main or =untrusted runs one of them while working on it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findRepoRoot } from '../support/repoRoot';
import type { TierStats } from './suite/index';

/** The same VS Code release the server mode runs (code-server 4.100.3). */
const vscodeVersion = '1.100.3';

interface RunConfiguration {
	name: 'main' | 'untrusted';
	/** The compiled folder whose index.js VS Code loads. */
	suite: string;
	/** The fixture folder copied as the workspace. */
	fixture: string;
	workspaceTrust: boolean;
}

const configurations: RunConfiguration[] = [
	{ name: 'main', suite: 'suite', fixture: 'workspace', workspaceTrust: false },
	{ name: 'untrusted', suite: 'untrusted', fixture: 'untrustedWorkspace', workspaceTrust: true },
];

function readStats(file: string): TierStats | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as TierStats;
	} catch {
		return undefined;
	}
}

async function runOne(root: string, mode: 'server' | 'desktop', configuration: RunConfiguration, resultsFile: string): Promise<boolean> {
	// Tests may edit files: each run gets its own copy of the fixture workspace.
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-ws-'));
	fs.cpSync(path.join(root, 'test', 'fixtures', configuration.fixture), workspace, { recursive: true });
	console.log(`\nintegration run '${configuration.name}'${configuration.workspaceTrust ? ' (workspace trust on, folder not trusted)' : ''}`);
	try {
		await runTests({
			version: vscodeVersion,
			vscodeExecutablePath: mode === 'server' ? path.join(root, 'scripts', 'code-shim') : undefined,
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(__dirname, configuration.suite, 'index'),
			launchArgs: [workspace, '--disable-extensions'],
			extensionTestsEnv: {
				SEQUENCE_LENS_VSCODE_MODE: mode,
				SEQUENCE_LENS_TEST_RESULTS: resultsFile,
				// Read by scripts/code-shim; the desktop build gets --disable-workspace-trust from test-electron.
				SEQUENCE_LENS_WORKSPACE_TRUST: configuration.workspaceTrust ? 'on' : '',
			},
		});
		return true;
	} catch (error) {
		console.error(`integration run '${configuration.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

async function main(): Promise<number> {
	const root = findRepoRoot(__dirname);
	const mode = process.env.SEQUENCE_LENS_VSCODE || 'server';
	if (mode !== 'server' && mode !== 'desktop') {
		console.error(`SEQUENCE_LENS_VSCODE must be 'server' or 'desktop', not '${mode}'`);
		return 2;
	}
	const wanted = (process.env.SEQUENCE_LENS_INTEGRATION_RUNS || 'main,untrusted').split(',').map((s) => s.trim());
	const chosen = configurations.filter((c) => wanted.includes(c.name) && (mode === 'server' || !c.workspaceTrust));
	const results = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-it-results-'));
	const total: TierStats = { passes: 0, failures: 0, pending: 0, tests: 0, duration: 0 };
	let ok = true;
	try {
		for (const configuration of chosen) {
			const file = path.join(results, `${configuration.name}.json`);
			const passed = await runOne(root, mode, configuration, file);
			const stats = readStats(file);
			// A run that ended without its stats (VS Code did not start, the suite did not load) counts as one failure.
			const counted = stats ?? { passes: 0, failures: 1, pending: 0, tests: 0, duration: 0 };
			if (!passed && counted.failures === 0) {
				counted.failures = 1;
			}
			for (const key of Object.keys(total) as (keyof TierStats)[]) {
				total[key] += counted[key];
			}
			ok &&= passed;
		}
	} finally {
		fs.rmSync(results, { recursive: true, force: true });
	}
	if (process.env.SEQUENCE_LENS_TEST_RESULTS) {
		fs.writeFileSync(process.env.SEQUENCE_LENS_TEST_RESULTS, JSON.stringify(total));
	}
	return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
