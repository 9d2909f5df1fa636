// Bundles a TypeScript entry of src/core with esbuild and requires it, so the measurement
// scripts run on the current sources without a separate build step.
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @param {{ entry?: string, outfile?: string, platform?: 'neutral' | 'node', sourcemap?: boolean }} [options]
 *   entry relative to the repository (default src/core/index.ts); outfile defaults to a temporary
 *   file that is removed once loaded; platform 'node' lets dependencies resolve their Node entry.
 */
export async function loadCore(options = {}) {
	const temporary = options.outfile ? undefined : mkdtempSync(path.join(os.tmpdir(), 'sequence-lens-core-'));
	const outfile = options.outfile ?? path.join(temporary, 'core.cjs');
	await esbuild.build({
		entryPoints: [path.join(repoRoot, options.entry ?? 'src/core/index.ts')],
		outfile,
		bundle: true,
		platform: options.platform ?? 'neutral',
		mainFields: ['module', 'main'],
		format: 'cjs',
		target: 'es2022',
		sourcemap: options.sourcemap ?? false,
		sourcesContent: false,
		logLevel: 'warning',
	});
	try {
		return createRequire(import.meta.url)(outfile);
	} finally {
		if (temporary) rmSync(temporary, { recursive: true, force: true });
	}
}
