// The external tagger setting in a real VS Code: a committed Node script labels instead of the
// built-in tagger; garbage, a hang and a crash each leave the previous labels in place.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { findRepoRoot } from '../../support/repoRoot';
import { closeAllEditors, openText, selectAll, tokenize, updateSetting, labelled } from './helpers';

const taggers = path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'taggers');

const labelsOf = (result: DocumentAnalysisResult) => result.examples[0].tokens.map((token) => `${token.text}:${token.tag}`);

describe('External tagger', function () {
	this.timeout(120000);
	let editor: vscode.TextEditor;

	before(async () => {
		editor = await openText('Ada met Bob in Paris.\n');
	});
	after(async () => {
		await updateSetting('labels.externalCommand', undefined);
		await updateSetting('labels.externalTimeoutMs', undefined);
		await closeAllEditors();
	});

	async function analyse(): Promise<string[]> {
		selectAll(editor);
		assert.ok(await tokenize());
		return labelsOf(await labelled(editor.document.uri));
	}

	const fromScript = ['Ada:B-PER', 'met:O', 'Bob:B-PER', 'in:O', 'Paris:B-PER'];

	it('labels with the configured command (every capitalised word is PER for this script)', async () => {
		await updateSetting('labels.externalCommand', [process.execPath, path.join(taggers, 'good.cjs')]);
		assert.equal(vscode.workspace.isTrusted, true);
		assert.deepEqual(await analyse(), fromScript);
	});

	for (const [script, timeout] of [
		['garbage.cjs', 10000],
		['hang.cjs', 500],
		['crash.cjs', 10000],
	] as const) {
		it(`keeps the previous labels when the tagger fails (${script})`, async () => {
			await updateSetting('labels.externalTimeoutMs', timeout);
			await updateSetting('labels.externalCommand', [process.execPath, path.join(taggers, script)]);
			assert.deepEqual(await analyse(), fromScript);
		});
	}

	it('goes back to the built-in tagger when the setting is emptied', async () => {
		await updateSetting('labels.externalCommand', undefined);
		const tags = await analyse();
		assert.ok(tags.includes('Paris:B-LOC'), tags.join(' '));
	});
});
