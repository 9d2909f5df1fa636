// Runs Debian's Python (the one with NumPy, NLTK and scikit-learn) as an oracle for exports.
// SEQUENCE_LENS_PYTHON points elsewhere when those modules live in another interpreter.
import { spawnSync } from 'node:child_process';

export const systemPython = process.env.SEQUENCE_LENS_PYTHON ?? '/usr/bin/python3';

const available = new Map<string, boolean>();

/** Whether the system Python can import every module named. */
export function pythonHas(...modules: string[]): boolean {
	const key = modules.join(',');
	let ok = available.get(key);
	if (ok === undefined) {
		const result = spawnSync(systemPython, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
		ok = result.status === 0;
		available.set(key, ok);
	}
	return ok;
}

/** Runs a Python script with arguments and returns its stdout; throws with stderr when it fails. */
export function runPython(script: string, args: string[] = [], input?: string): string {
	const result = spawnSync(systemPython, ['-c', script, ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
	if (result.error) {
		throw result.error;
	}
	if (result.status !== 0) {
		throw new Error(`python failed (${result.status}): ${result.stderr}`);
	}
	return result.stdout;
}
