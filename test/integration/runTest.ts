// Runs the integration tests through @vscode/test-electron's runTests(), unmodified. Which
// VS Code runs them is an explicit choice, SEQUENCE_LENS_VSCODE:
//   server (default) - the VS Code server of the code-server npm package, driven through
//                      scripts/code-shim (works offline: only the npm registry is needed);
//   desktop          - the desktop build of VS Code 1.100.3, downloaded by test-electron.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { findRepoRoot } from '../support/repoRoot';

/** The same VS Code release the server mode runs (code-server 4.100.3). */
const vscodeVersion = '1.100.3';

async function main(): Promise<number> {
	const root = findRepoRoot(__dirname);
	const mode = process.env.SEQUENCE_LENS_VSCODE || 'server';
	if (mode !== 'server' && mode !== 'desktop') {
		console.error(`SEQUENCE_LENS_VSCODE must be 'server' or 'desktop', not '${mode}'`);
		return 2;
	}
	// Tests may edit files: each run gets its own copy of the fixture workspace.
	const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-ws-'));
	fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
	try {
		await runTests({
			version: vscodeVersion,
			vscodeExecutablePath: mode === 'server' ? path.join(root, 'scripts', 'code-shim') : undefined,
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(__dirname, 'suite', 'index'),
			launchArgs: [workspace, '--disable-extensions'],
			extensionTestsEnv: { SEQUENCE_LENS_VSCODE_MODE: mode },
		});
		return 0;
	} catch (error) {
		console.error(`integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	} finally {
		fs.rmSync(workspace, { recursive: true, force: true });
	}
}

main().then((code) => process.exit(code));
