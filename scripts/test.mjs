// `npm test`: the one command that runs every test tier, on a fresh machine too.
//   setup (quick) → build → type-check → lint → compile tests → tiers:
//   unit         mocha on out/test/unit (the core, plain Node)
//   integration  @vscode/test-electron runTests() inside the extension host of a real VS Code
//                (SEQUENCE_LENS_VSCODE=server, the default: code-server's VS Code server through
//                scripts/code-shim; =desktop: VS Code 1.100.3 downloaded by test-electron)
//   e2e          mocha on out/test/e2e (Playwright driving the workbench, test/e2e/harness.ts)
//   vsix         `npm run package`, then the packaged .vsix installed into a fresh VS Code
//                and driven there (out/test/e2e/packaged)
// Each tier prints its own mocha report and hands mocha's stats back through a JSON file; the
// last line adds them up. Every step has a time limit.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const minutes = (n) => n * 60_000;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const mochaArgs = ['--reporter', path.join(root, 'scripts', 'mochaStatsReporter.cjs')];
const useColor = !process.env.NO_COLOR && (process.stdout.isTTY || Boolean(process.env.CI) || Boolean(process.env.FORCE_COLOR));
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = (text) => paint('1', text);

/** Groups of the steps now running, killed when this process is told to stop. */
const running = new Set();

function stopAll(signal) {
	for (const pid of running) {
		killGroup(pid, 'SIGTERM');
	}
	setTimeout(() => {
		for (const pid of running) {
			killGroup(pid, 'SIGKILL');
		}
		process.exit(signal === 'SIGINT' ? 130 : 143);
	}, 5000).unref();
}
process.once('SIGINT', () => stopAll('SIGINT'));
process.once('SIGTERM', () => stopAll('SIGTERM'));

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

/**
 * Runs a command in its own process group with stdio passed through; resolves to its exit code,
 * or to a description of why it did not finish (time limit, spawn error).
 */
function run(command, args, { timeoutMs, env = {}, label }) {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, ...env },
			detached: true,
		});
		running.add(child.pid);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			console.error(paint('31', `\n${label}: no result after ${Math.round(timeoutMs / 1000)} s, stopping it`));
			// SIGTERM first so the step can stop the VS Code it started; then no mercy.
			killGroup(child.pid, 'SIGTERM');
			setTimeout(() => killGroup(child.pid, 'SIGKILL'), 20_000).unref();
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			running.delete(child.pid);
			resolve({ code: -1, reason: error.message });
		});
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			running.delete(child.pid);
			// Anything the step left in its group (a browser, a server) goes with it.
			killGroup(child.pid, 'SIGKILL');
			resolve({ code: code ?? -1, reason: timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : signal ? `killed by ${signal}` : undefined });
		});
	});
}

function heading(text) {
	console.log(`\n${bold(`━━ ${text} ━━`)}`);
}

const checkFailures = [];

/** A build step; a failure counts as one failed test in the summary. */
async function check(label, command, args, timeoutMs) {
	heading(label);
	const started = Date.now();
	const { code, reason } = await run(command, args, { timeoutMs, label });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (code === 0) {
		console.log(paint('32', `✔ ${label} (${seconds} s)`));
		return true;
	}
	console.log(paint('31', `✘ ${label} failed (${reason ?? `exit code ${code}`}, ${seconds} s)`));
	checkFailures.push(label);
	return false;
}

function testFilesUnder(dir, { exclude } = {}) {
	if (!fs.existsSync(dir)) {
		return [];
	}
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((entry) => entry.endsWith('.test.js') && !(exclude && entry.startsWith(exclude)))
		.map((entry) => path.join(dir, entry));
}

const tierResults = [];

/**
 * Runs one tier. Its counts come from mocha's stats, written by the tier into a results file;
 * a tier that exits non-zero without reporting a failure (it crashed, hung or never got to
 * mocha) counts as one failure.
 */
async function tier(name, command, args, { timeoutMs }) {
	heading(`${name} tests`);
	const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sl-results-')), `${name}.json`);
	const started = Date.now();
	const { code, reason } = await run(command, args, {
		timeoutMs,
		label: `${name} tests`,
		env: { SEQUENCE_LENS_TEST_RESULTS: resultsFile, SEQUENCE_LENS_COLOR: useColor ? '1' : '' },
	});
	const seconds = (Date.now() - started) / 1000;
	let stats;
	try {
		stats = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
	} catch {
		stats = undefined;
	}
	fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
	const result = {
		name,
		passed: stats?.passes ?? 0,
		failed: stats?.failures ?? 0,
		skipped: stats?.pending ?? 0,
		seconds,
		note: undefined,
	};
	if (!stats) {
		result.failed = Math.max(result.failed, 1);
		result.note = `crashed: no results (${reason ?? `exit code ${code}`})`;
	} else if (code !== 0 && result.failed === 0) {
		result.failed = 1;
		result.note = `exited with ${reason ?? `code ${code}`} after its tests passed`;
	} else if (reason) {
		result.note = reason;
	}
	tierResults.push(result);
	return result;
}

function skippedTier(name, note) {
	heading(`${name} tests`);
	console.log(paint('33', `${name}: ${note}`));
	tierResults.push({ name, passed: 0, failed: 0, skipped: 0, seconds: 0, note });
}

function crashedTier(name, note) {
	heading(`${name} tests`);
	console.log(paint('31', `${name}: ${note}`));
	tierResults.push({ name, passed: 0, failed: 1, skipped: 0, seconds: 0, note });
}

async function main() {
	const started = Date.now();
	const mode = process.env.SEQUENCE_LENS_VSCODE || 'server';
	const only = (process.env.SEQUENCE_LENS_TIERS || 'unit,integration,e2e,vsix').split(',').map((t) => t.trim());

	const ready = await check('setup (installs whatever is missing)', 'bash', ['scripts/setup.sh', '--quick'], minutes(25));
	const built = ready && (await check('build (esbuild)', process.execPath, ['esbuild.mjs'], minutes(3)));
	if (ready) {
		await check('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], minutes(5));
		if (['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs'].some((f) => fs.existsSync(path.join(root, f)))) {
			await check('lint (eslint)', bin('eslint'), ['src', 'test', 'scripts'], minutes(5));
		}
	}
	// Compiled tests of deleted sources must not run again.
	fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
	const compiled = ready && (await check('compile tests (tsc -p tsconfig.test.json)', bin('tsc'), ['-p', 'tsconfig.test.json'], minutes(5)));

	// tsc emits despite type errors (already counted); only a compile without output stops the tiers.
	const emitted = compiled || fs.existsSync(path.join(root, 'out', 'test'));
	const cannotRun = !ready ? 'not run: setup failed' : !built ? 'not run: the build failed' : !emitted ? 'not run: the tests did not compile' : undefined;
	const wants = (name) => only.includes(name);

	if (wants('unit')) {
		const files = testFilesUnder(path.join(root, 'out', 'test', 'unit'));
		if (cannotRun) {
			crashedTier('unit', cannotRun);
		} else if (files.length === 0) {
			skippedTier('unit', 'no test files in out/test/unit');
		} else {
			await tier('unit', bin('mocha'), ['--config', '.mocharc.json', ...mochaArgs], { timeoutMs: minutes(5) });
		}
	}

	if (wants('integration')) {
		if (cannotRun) {
			crashedTier('integration', cannotRun);
		} else {
			console.log(`(VS Code: ${mode === 'desktop' ? 'desktop 1.100.3 via @vscode/test-electron' : 'the VS Code server of code-server, SEQUENCE_LENS_VSCODE=server'})`);
			await tier('integration', process.execPath, [path.join('out', 'test', 'integration', 'runTest.js')], { timeoutMs: minutes(12) });
		}
	}

	const e2eDir = path.join(root, 'out', 'test', 'e2e');
	if (wants('e2e')) {
		const files = testFilesUnder(e2eDir, { exclude: 'packaged' });
		if (cannotRun) {
			crashedTier('e2e', cannotRun);
		} else if (files.length === 0) {
			skippedTier('e2e', 'no test files in out/test/e2e');
		} else {
			await tier('e2e', bin('mocha'), ['--no-config', '--ui', 'bdd', '--timeout', '180000', ...mochaArgs, ...files], { timeoutMs: minutes(25) });
		}
	}

	if (wants('vsix')) {
		const files = testFilesUnder(path.join(e2eDir, 'packaged'));
		if (cannotRun) {
			crashedTier('vsix', cannotRun);
		} else {
			heading('package (npm run package)');
			fs.rmSync(path.join(root, 'dist', 'sequence-lens.vsix'), { force: true });
			const packaged = await run('npm', ['run', 'package'], { timeoutMs: minutes(5), label: 'npm run package', env: { CI: 'true' } });
			if (packaged.code !== 0 || !fs.existsSync(path.join(root, 'dist', 'sequence-lens.vsix'))) {
				crashedTier('vsix', `npm run package failed (${packaged.reason ?? `exit code ${packaged.code}`})`);
			} else if (files.length === 0) {
				crashedTier('vsix', 'no test files in out/test/e2e/packaged');
			} else {
				await tier('vsix', bin('mocha'), ['--no-config', '--ui', 'bdd', '--timeout', '180000', ...mochaArgs, ...files], {
					timeoutMs: minutes(8),
				});
			}
		}
	}

	heading('summary');
	for (const r of tierResults) {
		const line = `${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(1)} s)${r.note ? ` — ${r.note}` : ''}`;
		console.log(r.failed > 0 ? paint('31', line) : line);
	}
	for (const label of checkFailures) {
		console.log(paint('31', `${label.padEnd(12)} failed (counted as 1 failed)`));
	}
	console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const passed = tierResults.reduce((n, r) => n + r.passed, 0);
	const failed = tierResults.reduce((n, r) => n + r.failed, 0) + checkFailures.length;
	const skipped = tierResults.reduce((n, r) => n + r.skipped, 0);
	// The closing line is read by machines: plain text, never coloured, alone on the last line.
	console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
	return failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		console.log('0 passed, 1 failed, 0 skipped');
		process.exit(1);
	},
);
