// Restricted mode in the extension host: the fixture folder sets every restricted setting (a
// one-character tokenizer pattern, a three-word vocabulary file, an external tagger that leaves a
// mark when it runs). Workspace trust is on and the folder is not trusted, so none of them may take
// effect: the analysis uses the default pattern, the built-in vocabulary and the built-in tagger,
// nothing named there is read or run, and the extension says which settings it ignored.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IgnoredSettingsInfo } from '../../../src/extension/trustNotice';
import type { VocabularyInfo } from '../../../src/extension/commands/loadVocabulary';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { findRepoRoot } from '../../support/repoRoot';
import { closeAllEditors, labelled, selectAll, tokenize, updateSetting, waitFor } from '../suite/helpers';

const folder = () => {
	const first = vscode.workspace.workspaceFolders?.[0];
	assert.ok(first, 'the fixture folder is open');
	return first.uri;
};
const taggerMark = () => path.join(folder().fsPath, 'tagger-ran.txt');
const tagsOf = (result: DocumentAnalysisResult) => result.examples[0].tokens.map((token) => `${token.text}:${token.tag}`);
/** What the built-in tagger says about the reference sentence (see labels.test.ts). */
const builtInTags = ['Sherlock:B-PER', 'Holmes:I-PER', 'and:O', 'John:B-PER', 'Watson:I-PER', 'lived:O', 'at:O', '221B:O', 'Baker:B-LOC', 'Street:I-LOC', 'in:O', 'London:B-LOC'];

describe('untrusted workspace: restricted settings', function () {
	this.timeout(120000);
	let editor: vscode.TextEditor;

	before(async () => {
		const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'reference.txt'));
		editor = await vscode.window.showTextDocument(document, { preview: false });
	});
	after(async () => {
		await updateSetting('labels.externalCommand', undefined);
		await closeAllEditors();
	});

	it('runs with the folder not trusted', () => {
		assert.equal(vscode.workspace.isTrusted, false);
		// Settings that are not restricted still apply from the folder.
		assert.equal(vscode.workspace.getConfiguration('sequenceLens').get('tokenizer'), 'regex');
	});

	it('tokenizes with the default pattern and the built-in vocabulary, not the folder\'s', async () => {
		selectAll(editor);
		const result = await tokenize();
		assert.ok(result, 'the command returns the analysis');
		const [x] = result.examples;
		// The folder's pattern \S would give one token per character; its vocabulary would make |V| = 3.
		assert.equal(x.T_x, 12);
		assert.equal(x.V, 10000);
		assert.equal(x.tokens[7].text, '221B');
		assert.equal(x.tokens[7].index, 10000);
		const vocabulary = await vscode.commands.executeCommand<VocabularyInfo>('sequenceLens.getVocabulary');
		assert.equal(vocabulary.uri, undefined, 'no vocabulary file was loaded');
		assert.equal(vocabulary.size, 10000);
	});

	it('says which settings it ignores and why', async () => {
		const info = await waitFor(
			async () => {
				const now = await vscode.commands.executeCommand<IgnoredSettingsInfo>('sequenceLens.getIgnoredSettings');
				return now.message === undefined ? undefined : now;
			},
			'the restricted-mode message',
			20000,
		);
		assert.equal(info.trusted, false);
		assert.deepEqual(info.ignored, ['sequenceLens.vocabularyPath', 'sequenceLens.tokenizerPattern', 'sequenceLens.labels.externalCommand']);
		assert.match(info.message ?? '', /this workspace is not trusted/);
		assert.match(info.message ?? '', /sequenceLens\.vocabularyPath, sequenceLens\.tokenizerPattern, sequenceLens\.labels\.externalCommand are ignored/);
		assert.match(info.message ?? '', /Trust the workspace to use them/);
		assert.match(info.message ?? '', /sequenceLens\.labels\.externalCommand is read from user settings only/);
	});

	it('labels with the built-in tagger and never runs the folder\'s external tagger', async () => {
		const result = await labelled(editor.document.uri);
		assert.deepEqual(tagsOf(result), builtInTags);
		assert.equal(fs.existsSync(taggerMark()), false, 'the folder\'s tagger.cjs left no mark');
	});

	it('does not run an external tagger from user settings either, and keeps labelling', async () => {
		// The committed test tagger marks every capitalised word PER: Baker and London would say so.
		const script = path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'taggers', 'good.cjs');
		await updateSetting('labels.externalCommand', [process.execPath, script]);
		selectAll(editor);
		assert.ok(await tokenize());
		assert.deepEqual(tagsOf(await labelled(editor.document.uri)), builtInTags);
		assert.equal(fs.existsSync(taggerMark()), false);
	});
});
