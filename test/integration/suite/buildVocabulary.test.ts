// Build Vocabulary from Workspace… in a real VS Code, its questions answered by arguments: a
// small corpus on disk (with a binary file and a file the glob leaves out), the cut preview,
// the saved file, the refusal to overwrite, cancellation and making the result active.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildVocabularyArguments, BuildVocabularyOutcome, BuildVocabularyResult } from '../../../src/extension/commands/buildVocabulary';
import { closeAllEditors, getAnalysis, openText, selectAll, tokenize, updateSetting, waitFor } from './helpers';

const build = (args: BuildVocabularyArguments) => vscode.commands.executeCommand<BuildVocabularyOutcome | undefined>('sequenceLens.buildVocabulary', args);

function succeeded(outcome: BuildVocabularyOutcome | undefined): BuildVocabularyResult {
	assert.ok(outcome && 'tokens' in outcome, `a build result, got ${JSON.stringify(outcome)}`);
	return outcome;
}

describe('Build Vocabulary from Workspace…', function () {
	this.timeout(60_000);
	let corpus: string;
	let out: string;

	before(() => {
		corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-corpus-'));
		out = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-vocab-out-'));
		fs.writeFileSync(path.join(corpus, 'a.txt'), 'the cat sat on the mat');
		fs.writeFileSync(path.join(corpus, 'b.md'), 'The dog sat. the cat ran!');
		fs.mkdirSync(path.join(corpus, 'sub'));
		fs.writeFileSync(path.join(corpus, 'sub', 'c.txt'), 'zebra');
		// A NUL byte marks it binary: its words must not be counted.
		fs.writeFileSync(path.join(corpus, 'sub', 'blob.txt'), Buffer.from('the the the the\0 blobword blobword', 'latin1'));
		fs.writeFileSync(path.join(corpus, 'code.js'), 'function the() { return elephant; }');
	});
	afterEach(closeAllEditors);
	after(async () => {
		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
		await updateSetting('vocabularyPath', undefined);
		await updateSetting('convention', undefined);
		fs.rmSync(corpus, { recursive: true, force: true });
		fs.rmSync(out, { recursive: true, force: true });
	});

	it('counts the matched text files, skips the binary one, keeps the top N alphabetically and saves vocab.txt', async () => {
		const target = path.join(out, 'vocab.txt');
		const result = succeeded(
			await build({ folder: corpus, glob: '**/*.{txt,md}', topN: 3, minFrequency: 1, convention: 'course', order: 'alphabetical', target, activate: false }),
		);
		assert.deepEqual(result.files, { matched: 4, read: 3, skippedBinary: 1, skippedLarge: 0, unreadable: 0 });
		// the ×4, cat ×2, sat ×2, on, mat, dog, ran, zebra: 13 tokens, 8 distinct.
		assert.equal(result.tokens, 13);
		assert.equal(result.distinct, 8);
		assert.equal(result.keptWords, 3);
		assert.equal(result.cutWords, 5);
		assert.equal(result.cutTokens, 5);
		assert.equal(result.coverage, 8 / 13);
		assert.equal(result.size, 4);
		assert.equal(result.unkIndex, 4);
		assert.equal(result.activated, false);
		assert.equal(fs.readFileSync(target, 'utf8'), 'cat\nsat\nthe\n<UNK>\n');
		// The temporary file of the atomic write is gone.
		assert.deepEqual(fs.readdirSync(out), ['vocab.txt']);

		const preview = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.preview));
		const text = preview.getText();
		assert.match(text, /Skipped: 1 binary, 0 larger than 50 MB/);
		assert.match(text, /Cut: 5 words, 5 tokens that will map to <UNK>/);
		for (const word of ['on', 'mat', 'dog', 'ran', 'zebra']) {
			assert.match(text, new RegExp(`^\\s+1  "${word}"$`, 'm'), `${word} is listed as cut once`);
		}
		assert.doesNotMatch(text, /blobword|elephant/);
	});

	it('numbers by frequency under the Keras convention, cuts below the minimum frequency, and writes JSON for a .json name', async () => {
		const target = path.join(out, 'word_index.json');
		const result = succeeded(
			await build({ folder: vscode.Uri.file(corpus), glob: '**/*.txt', topN: 0, minFrequency: 2, convention: 'keras-tokenizer', order: 'frequency', target, activate: false }),
		);
		assert.equal(result.files.read, 2);
		// a.txt and c.txt only: the ×2 is the one word seen twice.
		assert.equal(result.keptWords, 1);
		assert.deepEqual(JSON.parse(fs.readFileSync(target, 'utf8')), { '<PAD>': 0, '<OOV>': 1, the: 2 });
		// One word kept: the preview says so in the singular.
		const preview = (await vscode.workspace.openTextDocument(vscode.Uri.parse(result.preview))).getText();
		assert.match(preview, /^Kept: 1 word \(/m);
	});

	it('refuses to overwrite an existing file passed as the target, and leaves it as it was', async () => {
		const target = path.join(out, 'existing.txt');
		fs.writeFileSync(target, 'keep me\n');
		const outcome = await build({ folder: corpus, glob: '**/*.txt', topN: 10, minFrequency: 1, convention: 'course', order: 'alphabetical', target, activate: false });
		assert.ok(outcome && 'error' in outcome);
		assert.match(String(outcome.error), /already exists/);
		assert.equal(fs.readFileSync(target, 'utf8'), 'keep me\n');
	});

	it('stops when cancelled and saves nothing', async () => {
		const source = new vscode.CancellationTokenSource();
		source.cancel();
		const target = path.join(out, 'cancelled.txt');
		const outcome = await build({
			folder: corpus,
			glob: '**/*',
			topN: 10,
			minFrequency: 1,
			convention: 'course',
			order: 'alphabetical',
			target,
			activate: false,
			cancellation: source.token,
		});
		assert.deepEqual(outcome, { cancelled: true });
		assert.equal(fs.existsSync(target), false);
	});

	it('says so when nothing readable matches the glob', async () => {
		const outcome = await build({ folder: corpus, glob: '**/*.csv', topN: 10, minFrequency: 1, convention: 'course', order: 'alphabetical', target: path.join(out, 'none.txt') });
		assert.ok(outcome && 'error' in outcome);
		assert.match(String(outcome.error), /no readable text file/);
		assert.equal(fs.existsSync(path.join(out, 'none.txt')), false);
	});

	it('makes the saved vocabulary active: open analyses re-render and the setting names it', async () => {
		const editor = await openText('the cat ran');
		selectAll(editor);
		const before = await tokenize();
		assert.ok(before);
		assert.notDeepEqual(
			before.examples[0].tokens.map((t) => t.index),
			[3, 1, 4],
		);
		const target = path.join(out, 'active.txt');
		const result = succeeded(
			await build({ folder: corpus, glob: '**/*.{txt,md}', topN: 3, minFrequency: 1, convention: 'course', order: 'alphabetical', target, activate: true }),
		);
		assert.equal(result.activated, true);
		const after = await waitFor(async () => {
			const analysis = await getAnalysis(editor.document.uri);
			return analysis?.examples[0].tokens.map((t) => t.index).join(' ') === '3 1 4' ? analysis : undefined;
		}, 'the analysis re-rendered with the built vocabulary');
		assert.equal(after.examples[0].V, 4);
		assert.equal(vscode.workspace.getConfiguration('sequenceLens').get('vocabularyPath'), target);
	});
});
