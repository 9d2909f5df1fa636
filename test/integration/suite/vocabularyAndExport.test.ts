// Load Vocabulary…, sequenceLens.vocabularyPath and Export… through the command API, on the
// committed fixtures in test/fixtures/vocab.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { referenceSentence } from '../../../src/core/reference';
import type { DocumentAnalysisResult } from '../../../src/shared/api';
import { closeAllEditors, getAnalysis, openText, selectAll, tokenize, waitFor } from './helpers';

// out/test/integration/suite → the repository root.
const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'vocab');
const fixture = (name: string) => vscode.Uri.file(path.join(fixtures, name));

interface Loaded {
	name: string;
	size: number;
	unkIndex: number;
	base: number;
	convention: string;
	kind: string;
	suggestedConvention?: string;
	error?: string;
	problem?: string;
}

const load = (uri: vscode.Uri | string, args?: { addMissingUnk?: boolean }) =>
	vscode.commands.executeCommand<Loaded | undefined>('sequenceLens.loadVocabulary', uri, args);

/** The reference tokens lowercased, as the lookup sees them. */
const referenceWords = ['sherlock', 'holmes', 'and', 'john', 'watson', 'lived', 'at', '221b', 'baker', 'street', 'in', 'london'];

async function tokenizeReference(): Promise<DocumentAnalysisResult> {
	const editor = await openText(referenceSentence);
	selectAll(editor);
	const result = await tokenize();
	assert.ok(result);
	return result;
}

const indicesOf = (result: DocumentAnalysisResult) => result.examples[0].tokens.map((token) => token.index);

describe('Load Vocabulary…', () => {
	afterEach(closeAllEditors);
	after(() => vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary'));

	it('loads a Keras word_index JSON and tokenizes with its indices', async () => {
		const info = await load(fixture('word_index.json'));
		assert.deepEqual(info, {
			name: 'word_index.json',
			size: 12,
			unkIndex: 1,
			base: 1,
			convention: 'course',
			kind: 'word',
			uri: fixture('word_index.json').toString(),
		});
		const wordIndex = JSON.parse(fs.readFileSync(path.join(fixtures, 'word_index.json'), 'utf8')) as Record<string, number>;
		const result = await tokenizeReference();
		assert.deepEqual(indicesOf(result), referenceWords.map((w) => wordIndex[w] ?? wordIndex['<OOV>']));
		assert.equal(result.examples[0].tokens[7].unknown, true);
	});

	it('re-renders an open analysis when a vocab.txt is loaded, numbering lines from the convention base', async () => {
		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
		const result = await tokenizeReference();
		assert.equal(indicesOf(result)[7], 10_000);
		const uri = vscode.Uri.parse(result.uri);
		const info = await load(fixture('vocab.txt').fsPath);
		assert.equal(info?.size, 12);
		assert.equal(info?.unkIndex, 12);
		const lines = fs.readFileSync(path.join(fixtures, 'vocab.txt'), 'utf8').trimEnd().split('\n');
		const expected = referenceWords.map((w) => (lines.includes(w) ? lines.indexOf(w) + 1 : lines.indexOf('<UNK>') + 1));
		const after = await getAnalysis(uri);
		assert.ok(after);
		assert.deepEqual(indicesOf(after), expected);
	});

	it('refuses a file with a duplicate token, says where, and keeps the previous vocabulary', async () => {
		await load(fixture('vocab.txt'));
		const before = indicesOf(await tokenizeReference());
		const failed = await load(fixture('duplicate.txt'));
		assert.ok(failed);
		assert.equal(failed.problem, 'duplicate-token');
		assert.match(failed.error ?? '', /Duplicate token "holmes" on line 4/);
		await closeAllEditors();
		assert.deepEqual(indicesOf(await tokenizeReference()), before);
	});

	it('adds <UNK> to a file without one only when asked', async () => {
		const refused = await load(fixture('no-unk.txt'), { addMissingUnk: false });
		assert.equal(refused?.problem, 'missing-unk');
		const added = await load(fixture('no-unk.txt'), { addMissingUnk: true });
		assert.equal(added?.size, 5);
		assert.equal(added?.unkIndex, 5);
		const result = await tokenizeReference();
		assert.deepEqual(indicesOf(result).slice(0, 3), [1, 2, 5]);
	});

	it('loads a WordPiece vocab.txt as a subword vocabulary, numbered from 0 under the huggingface convention', async () => {
		await vscode.commands.executeCommand('sequenceLens.chooseConvention', 'huggingface');
		try {
			const info = await load(fixture('wordpiece.txt'));
			assert.equal(info?.kind, 'subword');
			assert.equal(info?.base, 0);
			assert.equal(info?.unkIndex, 1);
			// Whole words are looked up: "holmes" is line 4, and "watson" is not split into pieces.
			const result = await tokenizeReference();
			assert.equal(result.examples[0].tokens[1].index, 3);
			assert.equal(result.examples[0].tokens[4].index, 1);
		} finally {
			await vscode.workspace.getConfiguration('sequenceLens').update('convention', undefined, vscode.ConfigurationTarget.Global);
		}
	});

	it('suggests Hugging Face numbering for a BERT-style vocab.txt loaded under the course convention, loads it so when asked, and says the analysis is subword', async () => {
		const course = await load(fixture('wordpiece.txt'));
		assert.equal(course?.convention, 'course');
		assert.equal(course?.base, 1);
		assert.equal(course?.suggestedConvention, 'huggingface');
		const numbered = await vscode.commands.executeCommand<Loaded | undefined>('sequenceLens.loadVocabulary', fixture('wordpiece.txt'), { convention: 'huggingface' });
		assert.equal(numbered?.convention, 'huggingface');
		assert.equal(numbered?.base, 0);
		assert.equal(numbered?.suggestedConvention, undefined);
		const example = (await tokenizeReference()).examples[0];
		assert.equal(example.vocabularyKind, 'subword');
		assert.match(example.note ?? '', /whole words/);
		assert.equal(example.tokens[1].index, 3);
	});

	it('loads sequenceLens.vocabularyPath relative to the workspace folder, and drops it when cleared', async () => {
		await vscode.commands.executeCommand('sequenceLens.useBuiltInVocabulary');
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder, 'the test run opens a workspace folder');
		fs.mkdirSync(path.join(folder.uri.fsPath, 'vocab'), { recursive: true });
		fs.copyFileSync(path.join(fixtures, 'word_index.json'), path.join(folder.uri.fsPath, 'vocab', 'word_index.json'));
		const config = () => vscode.workspace.getConfiguration('sequenceLens', folder.uri);
		const result = await tokenizeReference();
		const uri = vscode.Uri.parse(result.uri);
		try {
			await config().update('vocabularyPath', 'vocab/word_index.json', vscode.ConfigurationTarget.WorkspaceFolder);
			// Loading is asynchronous: the open analysis re-renders when the file has been read.
			await waitFor(async () => ((await getAnalysis(uri))?.examples[0].tokens[0].index === 2 ? true : undefined), 'the setting\'s vocabulary');
		} finally {
			await config().update('vocabularyPath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
		}
		await waitFor(async () => ((await getAnalysis(uri))?.examples[0].tokens[7].index === 10_000 ? true : undefined), 'the built-in vocabulary again');
	});
});

interface Exported {
	uri?: string;
	format: string;
	bytes?: number;
	error?: string;
}

/** Reads a .npy header (format 1.0) and its int32 data. */
function readNpy(bytes: Uint8Array): { header: string; data: Int32Array } {
	assert.deepEqual([...bytes.subarray(0, 6)], [0x93, ...Buffer.from('NUMPY')]);
	assert.deepEqual([...bytes.subarray(6, 8)], [1, 0]);
	const headerLength = bytes[8] + bytes[9] * 256;
	const header = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
	assert.equal((10 + headerLength) % 64, 0, 'data starts 64-byte aligned');
	const data = bytes.slice(10 + headerLength);
	return { header, data: new Int32Array(data.buffer, data.byteOffset, data.byteLength / 4) };
}

describe('Export…', () => {
	let dir: string;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-export-'));
	});
	afterEach(closeAllEditors);
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	const exportTo = (name: string, format: string) =>
		vscode.commands.executeCommand<Exported | undefined>('sequenceLens.export', vscode.Uri.file(path.join(dir, name)), format);

	it('writes the indices of the reference example as int32 .npy of shape (12,)', async () => {
		const result = await tokenizeReference();
		const exported = await exportTo('reference.npy', 'indices-npy');
		assert.equal(exported?.format, 'indices-npy');
		const bytes = fs.readFileSync(path.join(dir, 'reference.npy'));
		assert.equal(exported?.bytes, bytes.length);
		const { header, data } = readNpy(bytes);
		assert.match(header, /'descr': '<i4'/);
		assert.match(header, /'fortran_order': False/);
		assert.match(header, /'shape': \(12,\)/);
		assert.deepEqual([...data], indicesOf(result));
		assert.equal(data[7], 10_000);
	});

	it('writes JSON with the tokens and the convention, and never overwrites an existing file', async () => {
		const result = await tokenizeReference();
		const exported = await exportTo('reference.json', 'json');
		assert.ok(exported?.uri);
		const json = JSON.parse(fs.readFileSync(path.join(dir, 'reference.json'), 'utf8')) as {
			format: string;
			T_x: number;
			tokens: { text: string; index: number; start: number }[];
			conventionMetadata: { id: string; size: number; unkIndex: number };
		};
		assert.equal(json.format, 'sequence-lens/analysis');
		assert.equal(json.T_x, 12);
		assert.deepEqual(json.tokens.map((t) => t.index), indicesOf(result));
		assert.deepEqual(json.tokens.map((t) => t.text), result.examples[0].tokens.map((t) => t.text));
		assert.deepEqual(json.conventionMetadata.id, 'course');
		assert.equal(json.conventionMetadata.size, 10_000);

		const before = fs.readFileSync(path.join(dir, 'reference.json'));
		const again = await exportTo('reference.json', 'csv');
		assert.match(again?.error ?? '', /already exists/);
		assert.deepEqual(fs.readFileSync(path.join(dir, 'reference.json')), before);
		// The temporary files of the atomic writes are gone.
		assert.deepEqual(fs.readdirSync(dir).sort(), ['reference.json', 'reference.npy']);
	});

	it('refuses a one-hot matrix above the size limit with the reason', async () => {
		// 30,000 tokens × 10,000 columns as uint8 is 300 MB, above the 256 MiB limit.
		const editor = await openText('the '.repeat(30_000));
		selectAll(editor);
		await tokenize();
		const exported = await exportTo('big.npy', 'onehot-npy');
		assert.match(exported?.error ?? '', /above the limit/);
		assert.equal(fs.existsSync(path.join(dir, 'big.npy')), false);
	});
});
