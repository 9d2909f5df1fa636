import * as fs from 'node:fs';
import * as path from 'node:path';

/** The nearest folder at or above `start` that holds package.json: the repository, from out/ too. */
export function findRepoRoot(start: string): string {
	let dir = start;
	while (!fs.existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error(`no package.json above ${start}`);
		}
		dir = parent;
	}
	return dir;
}
