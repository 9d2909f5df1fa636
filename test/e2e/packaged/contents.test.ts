// What the .vsix ships (docs/security.md): the bundles the extension loads, the manifest and the
// pages the marketplace shows, the localised strings, the icon and walkthrough media; no sources, maps, tests,
// node_modules or the plain-Node library dist/core.js. Read from the zip's central directory.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness';

/** File names in a zip archive, from its central directory. */
function zipEntries(bytes: Buffer): string[] {
	const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	assert.ok(end >= 0, 'a zip end-of-central-directory record');
	const count = bytes.readUInt16LE(end + 10);
	let at = bytes.readUInt32LE(end + 16);
	const names: string[] = [];
	for (let k = 0; k < count; k++) {
		assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
		const nameLength = bytes.readUInt16LE(at + 28);
		const extraLength = bytes.readUInt16LE(at + 30);
		const commentLength = bytes.readUInt16LE(at + 32);
		names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
		at += 46 + nameLength + extraLength + commentLength;
	}
	return names;
}

const allowed = [
	/^\[Content_Types\]\.xml$/,
	/^extension\.vsixmanifest$/,
	/^extension\/(package\.json|package\.nls\.json|readme\.md|changelog\.md|LICENSE\.txt|NOTICE\.md)$/i,
	/^extension\/l10n\/bundle\.l10n\.json$/,
	/^extension\/media\/[\w./-]+\.(png|md|svg)$/,
	/^extension\/dist\/(extension|nerWorker|regexWorker|webview)\.js$/,
	/^extension\/dist\/webview\.css$/,
];

describe('packaged extension (.vsix contents)', () => {
	const vsix = path.join(repoRoot, 'dist', 'sequence-lens.vsix');

	it('holds only what the extension needs at run time and on its marketplace page', () => {
		const names = zipEntries(fs.readFileSync(vsix));
		const unexpected = names.filter((name) => !allowed.some((pattern) => pattern.test(name)));
		assert.deepEqual(unexpected, []);
		for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/nerWorker.js', 'extension/dist/webview.js', 'extension/dist/webview.css', 'extension/dist/regexWorker.js', 'extension/package.nls.json', 'extension/l10n/bundle.l10n.json']) {
			assert.ok(names.includes(needed), `${needed} is in the .vsix`);
		}
		assert.ok(!names.includes('extension/dist/core.js'), 'the plain-Node library stays out');
	});

	it('stays under the 2 MB budget', () => {
		assert.ok(fs.statSync(vsix).size < 2 * 1024 * 1024, `${fs.statSync(vsix).size} bytes`);
	});
});
