// The fault suite: bad input, big input and interruptions thrown at the real extension in a real
// VS Code. For each, the product keeps working, says what happened, and loses nothing: a refused
// vocabulary leaves the previous one active, an interrupted job leaves no stale state behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import { tokenSpans } from '../../../src/core/tokenize';
import type { DocumentAnalysisResult, MatrixShownResult } from '../../../src/shared/api';
import { assertOffsetsMatchDocument, closeAllEditors, commands, getAnalysis, openText, selectAll, tokenize, updateSetting, waitFor } from './helpers';

interface Loaded {
	name?: string;
	size?: number;
	error?: string;
	problem?: string;
}

interface VocabularyInfo {
	name: string;
	size: number;
	unkIndex: number;
	uri?: string;
	fileReloads: { reloads: number; last?: { outcome: string; problem?: string } };
}

const load = (uri: vscode.Uri) => vscode.commands.executeCommand<Loaded | undefined>('sequenceLens.loadVocabulary', uri, { addMissingUnk: false });
const vocabularyInfo = () => vscode.commands.executeCommand<VocabularyInfo>('sequenceLens.getVocabulary');
const useBuiltIn = () => vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
const showMatrix = () => vscode.commands.executeCommand<MatrixShownResult | undefined>(commands.showMatrix);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-faults-'));
let fileCounter = 0;
function writeFile(name: string, content: string | Uint8Array): vscode.Uri {
	const file = path.join(scratch, `${++fileCounter}-${name}`);
	fs.writeFileSync(file, content);
	return vscode.Uri.file(file);
}

/** The lowercased reference words; a good vocabulary holds them, so each gets its own index. */
const referenceWords = ['sherlock', 'holmes', 'and', 'john', 'watson', 'lived', 'at', 'baker', 'street', 'in', 'london'];
const goodVocabulary = () => [...referenceWords, '<UNK>'].join('\n');

async function tokenizeReference(): Promise<DocumentAnalysisResult> {
	const editor = await openText(referenceSentence);
	selectAll(editor);
	const result = await tokenize();
	assert.ok(result, 'the reference sentence is tokenized');
	return result;
}
const indicesOf = (result: DocumentAnalysisResult) => result.examples[0].tokens.map((token) => token.index);

describe('Faults: bad vocabulary files through Load Vocabulary…', function () {
	this.timeout(60_000);
	let good: vscode.Uri;
	let goodIndices: number[];

	before(async () => {
		good = writeFile('good.txt', goodVocabulary());
		const info = await load(good);
		assert.equal(info?.size, 12);
		goodIndices = indicesOf(await tokenizeReference());
		assert.deepEqual(goodIndices, [1, 2, 3, 4, 5, 6, 7, 12, 8, 9, 10, 11]);
	});
	afterEach(closeAllEditors);
	after(useBuiltIn);

	/** Loads `uri`, expects a refusal matching `message`, and checks the good vocabulary is still the one in use. */
	async function refused(uri: vscode.Uri, problem: string, message: RegExp): Promise<void> {
		const result = await load(uri);
		assert.ok(result && result.error !== undefined, `refused: ${JSON.stringify(result)}`);
		assert.equal(result.problem, problem, result.error);
		assert.match(result.error, message);
		const info = await vocabularyInfo();
		assert.equal(info.uri, good.toString(), 'the previous vocabulary stays active');
		assert.equal(info.size, 12);
		assert.deepEqual(indicesOf(await tokenizeReference()), goodIndices, 'and new analyses still use it');
	}

	const utf8 = (text: string) => new TextEncoder().encode(text);
	const cases: Array<[string, () => vscode.Uri, string, RegExp]> = [
		['an empty file', () => writeFile('empty.txt', ''), 'empty', /empty/],
		['a file of blank lines (CRLF, BOM)', () => writeFile('blank.txt', '\ufeff\r\n\r\n  \r\n'), 'empty', /empty/],
		['a binary file (PNG header)', () => writeFile('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), 'binary', /binary file.*NUL byte at byte 8/],
		['a UTF-16 file', () => writeFile('utf16.txt', Uint8Array.from([0xff, 0xfe, 0x74, 0, 0x68, 0, 0x65, 0])), 'encoding', /UTF-16/],
		['invalid UTF-8 on line 3', () => writeFile('latin1.txt', Uint8Array.from([...utf8('the\nof\ncaf'), 0xe9, ...utf8('\n<UNK>\n')])), 'encoding', /not valid UTF-8: invalid byte 0xe9 .*line 3/],
		['a JSON map cut short', () => writeFile('cut.json', '{\n"the": 1,\n"of": 2,\n"and"'), 'syntax', /not valid JSON.*line 4/],
		['a JSON map with a fractional index', () => writeFile('fraction.json', '{"the": 1, "of": 2.5, "<UNK>": 3}'), 'bad-index', /"of" has index 2\.5/],
		['a JSON map with an index used twice', () => writeFile('twice.json', '{"the": 1, "of": 1, "<UNK>": 2}'), 'duplicate-index', /Index 1 is used twice/],
		['a JSON map with a key written twice', () => writeFile('keytwice.json', '{"the": 1, "of": 2, "the": 3, "<UNK>": 4}'), 'duplicate-token', /Duplicate token "the"/],
		['a Keras tokenizer JSON whose word_index is not JSON', () => writeFile('keras.json', '{"class_name": "Tokenizer", "config": {"word_index": "{not json"}}'), 'syntax', /not valid JSON/],
		['a tokenizer.json of an unknown model', () => writeFile('tokenizer.json', '{"model": {"type": "Mystery", "vocab": {"a": 0}}}'), 'unsupported', /Mystery/],
		['a JSON list with a number in it', () => writeFile('list.json', '["<unk>", "the", 7]'), 'structure', /Item 2 of the JSON list is 7/],
		['a deeply nested JSON list', () => writeFile('nested.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'structure', /Item 0 of the JSON list is an array/],
		['a text list with a duplicate among CRLF lines and a BOM', () => writeFile('dupes.txt', '\ufeffthe\r\nof\r\nand\r\nof\r\n<UNK>\r\n'), 'duplicate-token', /Duplicate token "of" on line 4.*line 2/],
		['a text list without <UNK> (no question asked from a script)', () => writeFile('nounk.txt', 'the\nof\n'), 'missing-unk', /no unknown token/],
	];
	for (const [what, make, problem, message] of cases) {
		it(`refuses ${what}, says why, keeps the previous vocabulary`, () => refused(make(), problem, message));
	}

	it('refuses a missing file with the reason', async () => {
		await refused(vscode.Uri.file(path.join(scratch, 'does-not-exist.txt')), 'read', /does-not-exist\.txt|ENOENT|not found|nonexistent/i);
	});

	it('refuses a 1,000,000-line text list whose only fault is a duplicate on its last line, naming that line', async () => {
		const words = Array.from({ length: 1_000_000 }, (_, k) => `w${k}`);
		const uri = writeFile('huge.txt', `${words.join('\n')}\nw17\n<UNK>\n`);
		await refused(uri, 'duplicate-token', /Duplicate token "w17" on line 1000001.*line 18/);
	});

	it('loads the same list the same way with a BOM and CRLF line ends', async () => {
		const crlf = await load(writeFile('crlf.txt', `\ufeff${goodVocabulary().replace(/\n/g, '\r\n')}\r\n`));
		assert.equal(crlf?.size, 12);
		assert.deepEqual(indicesOf(await tokenizeReference()), goodIndices);
		await load(good);
	});
});

describe('Faults: the vocabulary file changes on disk while loaded', function () {
	this.timeout(60_000);
	afterEach(closeAllEditors);
	after(useBuiltIn);

	it('loads the new content, keeps the loaded copy when the new content is broken or the file is deleted, and says so', async () => {
		const uri = writeFile('live.txt', goodVocabulary());
		assert.equal((await load(uri))?.size, 12);
		const start = (await vocabularyInfo()).fileReloads.reloads;
		const result = await tokenizeReference();
		const doc = vscode.Uri.parse(result.uri);
		assert.equal(indicesOf(result)[1], 2, 'holmes is line 2');
		const reloaded = (n: number) =>
			waitFor(
				async () => {
					const info = await vocabularyInfo();
					return info.fileReloads.reloads >= start + n ? info : undefined;
				},
				`reload ${n} of the vocabulary file`,
				20_000,
			);

		// Another tool rewrites the file: holmes moves to line 1, and the open analysis follows.
		fs.writeFileSync(uri.fsPath, ['holmes', 'sherlock', ...referenceWords.slice(2), 'extra', '<UNK>'].join('\n'));
		const first = await reloaded(1);
		assert.deepEqual(first.fileReloads.last, { outcome: 'loaded' });
		assert.equal(first.size, 13);
		const after = await getAnalysis(doc);
		assert.ok(after);
		assert.equal(indicesOf(after)[1], 1, 'the open analysis is re-numbered from the new file');

		// Half-written garbage: refused, the copy loaded before stays, indices unchanged.
		fs.writeFileSync(uri.fsPath, Uint8Array.from([0x7b, 0x22, 0x61, 0x00, 0x00]));
		const second = await reloaded(2);
		assert.equal(second.fileReloads.last?.outcome, 'refused');
		assert.equal(second.fileReloads.last?.problem, 'binary');
		assert.equal(second.size, 13);
		assert.equal(second.uri, uri.toString());
		assert.equal(indicesOf((await getAnalysis(doc)) as DocumentAnalysisResult)[1], 1);

		// Deleted: still the same copy.
		fs.rmSync(uri.fsPath);
		const third = await reloaded(3);
		assert.deepEqual(third.fileReloads.last, { outcome: 'deleted' });
		assert.equal(third.size, 13);
		assert.equal(indicesOf(await tokenizeReference())[1], 1);
	});
});

/** Answers "analyse more than sequenceLens.maxTokensBeforeAsking tokens?" as a user pressing Continue would. */
const aboveLimit = { continueAboveLimit: true };

describe('Faults: big documents and long jobs interrupted', function () {
	this.timeout(180_000);
	afterEach(closeAllEditors);

	it('a 40 MB document: Tokenize Document counts every token, the matrix opens, Clear frees it', async () => {
		// Labels stay off here: tagging 7 million tokens is minutes of worker time (the next test interrupts a long labelling).
		await updateSetting('labels.enabled', false);
		try {
			const line = 'Sherlock Holmes and John Watson lived at 221B Baker Street in London.\n';
			const text = line.repeat(Math.ceil((40 * 1024 * 1024) / line.length));
			const document = await vscode.workspace.openTextDocument(writeFile('forty.txt', text));
			assert.equal(document.getText().length, text.length, 'VS Code hands the whole 40 MB document to the extension');
			await vscode.window.showTextDocument(document, { preview: false });
			const result = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>('sequenceLens.tokenizeDocument', aboveLimit);
			assert.ok(result);
			assert.equal(result.tokensOmitted, true, 'a command result leaves out the tokens of a big analysis');
			assert.equal(result.examples[0].T_x, tokenSpans(text).count);
			assert.equal(result.examples[0].unknownCount, text.length / line.length, 'one <UNK> (221B) per line');
			const shown = await showMatrix();
			assert.deepEqual(shown?.T_x, [result.examples[0].T_x]);
			assert.deepEqual(await vscode.commands.executeCommand(commands.clear), { cleared: 1 });
		} finally {
			await updateSetting('labels.enabled', undefined);
		}
	});

	it('a 60 MB file, which VS Code keeps from extensions: the commands decline without failing, the extension keeps working', async () => {
		const uri = writeFile('sixty.txt', 'word '.repeat(12 * 1024 * 1024));
		await vscode.commands.executeCommand('vscode.open', uri);
		await waitFor(() => {
			const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
			return input instanceof vscode.TabInputText && input.uri.toString() === uri.toString() ? true : undefined;
		}, 'the 60 MB file open in a tab', 60_000);
		assert.equal(vscode.window.activeTextEditor, undefined, 'no TextEditor for a file over 50 MB');
		assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'and no TextDocument');
		assert.equal(await tokenize(), undefined);
		assert.equal(await vscode.commands.executeCommand('sequenceLens.tokenizeDocument'), undefined);
		await closeAllEditors();
		assert.equal(indicesOf(await tokenizeReference()).length, 12);
	});

	it('closing a document mid-labelling drops its job: the next text gets its labels', async () => {
		// 2,000 reference sentences: 24,000 tokens, seconds of tagging, labelled with progress in pieces.
		const editor = await openText(Array.from({ length: 2000 }, () => referenceSentence).join('\n'));
		selectAll(editor);
		assert.equal((await tokenize())?.examples[0].T_x, 24_000);
		await closeAllEditors();
		await vscode.commands.executeCommand(commands.clear);
		const reference = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.openReferenceExample);
		assert.ok(reference);
		const labelled = await waitFor(
			async () => {
				const r = await getAnalysis(vscode.Uri.parse(reference.uri));
				return r && r.examples[0].tokens.every((token) => token.label !== undefined) ? r : undefined;
			},
			'labels of the reference example after the long job was dropped',
			60_000,
		);
		assert.deepEqual(
			labelled.examples[0].tokens.map((token) => token.label),
			[1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
		);
	});

	it('a 1,000,000-token selection: tokenized, shown in the matrix, re-tokenized when settings change mid-work', async () => {
		const editor = await openText('a b c d '.repeat(250_000));
		selectAll(editor);
		try {
			const result = await vscode.commands.executeCommand<DocumentAnalysisResult | undefined>(commands.tokenizeSelection, aboveLimit);
			assert.equal(result?.examples[0].T_x, 1_000_000);
			const shown = await showMatrix();
			assert.deepEqual(shown?.T_x, [1_000_000]);
			// The panel is pulling rows and the tagger is labelling; settings change under them.
			// Labelling a million tokens is minutes of worker time: switching labels off is one of the changes.
			await updateSetting('labels.enabled', false);
			await updateSetting('tokenizer', 'whitespace');
			await updateSetting('tokenizer', 'words+punctuation');
			const after = await showMatrix();
			assert.deepEqual(after?.T_x, [1_000_000]);
			assert.equal(after?.version, editor.document.version);
			// Close the panel while it works, then open it again.
			await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
			const again = await showMatrix();
			assert.deepEqual(again?.T_x, [1_000_000]);
		} finally {
			await vscode.commands.executeCommand(commands.clear);
			await updateSetting('tokenizer', undefined);
			await updateSetting('labels.enabled', undefined);
		}
	});

	it('rapid edits while labels are computed: the analysis follows its text and labels land on the right tokens', async () => {
		const line = 'Sherlock Holmes met John Watson in London.';
		const editor = await openText(`Header line.\n${Array.from({ length: 1500 }, () => line).join('\n')}`);
		const document = editor.document;
		const start = document.getText().indexOf('Sherlock');
		editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(document.getText().length));
		await tokenize();
		// Edits before the analysed text shift it; the analysis and the labels in flight must follow.
		for (let k = 0; k < 30; k++) {
			await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
		}
		// Tokenize again twice in a row while labels of the previous analyses are still in flight.
		const shifted = start + 30;
		editor.selection = new vscode.Selection(document.positionAt(shifted), document.positionAt(document.getText().length));
		await tokenize();
		await tokenize();
		const labelled = await waitFor(
			async () => {
				const r = await getAnalysis(document.uri);
				return r && r.version === document.version && r.examples[0].tokens.every((token) => token.label !== undefined) ? r : undefined;
			},
			'labels of the last analysis',
			90_000,
		);
		assertOffsetsMatchDocument(document, labelled);
		const tokens = labelled.examples[0].tokens;
		assert.equal(tokens.length, 1500 * 7);
		for (let t = 0; t < tokens.length; t += 7) {
			assert.deepEqual(
				tokens.slice(t, t + 7).map((token) => token.label),
				[1, 1, 0, 1, 1, 0, 0],
				`line ${t / 7 + 1}`,
			);
		}
		// An edit inside the analysed text drops the analysis rather than showing stale indices.
		await editor.edit((edit) => edit.insert(document.positionAt(shifted + 3), 'Z'));
		assert.equal(await getAnalysis(document.uri), undefined);
	});
});

describe('Faults: an export that cannot be written', function () {
	this.timeout(60_000);
	afterEach(closeAllEditors);

	it('says why, writes nothing, leaves no temporary file, and the same export then works elsewhere', async () => {
		await tokenizeReference();
		const folder = fs.mkdtempSync(path.join(scratch, 'export-'));
		// A plain file where the target's folder should be: neither the temporary file nor the target can be created.
		fs.writeFileSync(path.join(folder, 'not-a-folder'), 'keep me');
		const blocked = vscode.Uri.file(path.join(folder, 'not-a-folder', 'reference.json'));
		const failed = await vscode.commands.executeCommand<{ error?: string; uri?: string } | undefined>('sequenceLens.export', blocked, 'json');
		assert.ok(failed?.error, `refused: ${JSON.stringify(failed)}`);
		assert.deepEqual(fs.readdirSync(folder), ['not-a-folder'], 'nothing else was written');
		assert.equal(fs.readFileSync(path.join(folder, 'not-a-folder'), 'utf8'), 'keep me');
		const written = await vscode.commands.executeCommand<{ error?: string; uri?: string } | undefined>('sequenceLens.export', vscode.Uri.file(path.join(folder, 'reference.json')), 'json');
		assert.ok(written?.uri, JSON.stringify(written));
		assert.deepEqual(fs.readdirSync(folder).sort(), ['not-a-folder', 'reference.json']);
		assert.equal((JSON.parse(fs.readFileSync(path.join(folder, 'reference.json'), 'utf8')) as { T_x: number }).T_x, 12);
	});
});
