// The @vscode/test-electron entry point: VS Code loads this module inside the extension host
// and awaits run(). It runs every compiled *.test.js next to it with mocha (another run
// configuration, such as ../untrusted, calls runTestsIn with its own folder) and, when
// SEQUENCE_LENS_TEST_RESULTS names a file, writes mocha's own stats there so the test command
// can add this tier to its summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** The counts scripts/test.mjs reads back; the same shape for every tier. */
export interface TierStats {
	passes: number;
	failures: number;
	pending: number;
	tests: number;
	duration: number;
}

function testFiles(dir: string): string[] {
	const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
	return entries
		.filter((entry) => entry.endsWith('.test.js'))
		.map((entry) => path.join(dir, entry))
		.sort();
}

function writeStats(stats: TierStats): void {
	const target = process.env.SEQUENCE_LENS_TEST_RESULTS;
	if (target) {
		fs.writeFileSync(target, JSON.stringify(stats));
	}
}

/**
 * In the VS Code server the host's console reaches the test runner through the browser, mixed
 * with the workbench's own log lines in the same format; the runner sets this tag so it can
 * tell where the tests' output starts. VS Code locks `console.log` in the host, so the tag goes
 * on mocha's reporter output instead.
 */
function tagReporterOutput(tag: string): void {
	const original = Mocha.reporters.Base.consoleLog;
	Mocha.reporters.Base.consoleLog = (first?: unknown, ...rest: unknown[]) => {
		if (typeof first === 'string') {
			original(tag + first, ...rest);
		} else if (first === undefined) {
			original(tag);
		} else {
			original(tag, first, ...rest);
		}
	};
}

export function run(): Promise<void> {
	return runTestsIn(__dirname);
}

/** Runs every compiled test file under `dir` with mocha, reporting as {@link run} does. */
export function runTestsIn(dir: string): Promise<void> {
	const tag = process.env.SEQUENCE_LENS_CONSOLE_TAG;
	if (tag) {
		tagReporterOutput(tag);
	}
	const mocha = new Mocha({
		ui: 'bdd',
		color: Boolean(process.env.SEQUENCE_LENS_COLOR),
		timeout: 30_000,
		reporter: 'spec',
		// Runs a subset while working on one feature; the full tier runs without it.
		grep: process.env.SEQUENCE_LENS_GREP || undefined,
	});
	// A subset while working on one feature: SEQUENCE_LENS_GREP=<mocha grep pattern>.
	if (process.env.SEQUENCE_LENS_GREP) {
		mocha.grep(process.env.SEQUENCE_LENS_GREP);
	}
	const files = testFiles(dir);
	for (const file of files) {
		mocha.addFile(file);
	}
	Mocha.reporters.Base.consoleLog(`extension host: ${files.length} test file(s), Node ${process.version}`);
	return new Promise((resolve, reject) => {
		try {
			const runner = mocha.run((failures) => {
				const stats = runner.stats;
				writeStats({
					passes: stats?.passes ?? 0,
					failures: stats?.failures ?? failures,
					pending: stats?.pending ?? 0,
					tests: stats?.tests ?? 0,
					duration: stats?.duration ?? 0,
				});
				if (failures > 0) {
					reject(new Error(`${failures} integration test(s) failed`));
				} else {
					resolve();
				}
			});
		} catch (error) {
			writeStats({ passes: 0, failures: 1, pending: 0, tests: 0, duration: 0 });
			reject(error instanceof Error ? error : new Error(String(error)));
		}
	});
}
