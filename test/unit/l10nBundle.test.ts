// The committed l10n bundle holds every vscode.l10n.t message of the extension, and the manifest's
// %key% placeholders all have a text in package.nls.json.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../support/repoRoot';

const root = findRepoRoot(__dirname);

describe('localisation files', () => {
	it('l10n/bundle.l10n.json is up to date with the sources', () => {
		const out = execFileSync(process.execPath, [path.join(root, 'scripts', 'export-l10n.mjs'), '--check'], { encoding: 'utf8' });
		assert.match(out, /up to date/);
	});

	it('every %key% of package.json has a text in package.nls.json, and every text is used', () => {
		const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
		const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
		const used = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
		assert.ok(used.length > 50, `${used.length} placeholders`);
		for (const key of used) {
			assert.equal(typeof nls[key], 'string', `${key} has a text`);
		}
		assert.deepEqual(Object.keys(nls).filter((k) => !used.includes(k)), []);
	});
});
