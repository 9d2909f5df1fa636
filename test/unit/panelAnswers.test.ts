// The host's answers to the matrix webview (rows, column words, used columns, go-to lookups,
// token offsets) on real analyses, and the "Copy as code" snippet run by NumPy itself.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { referenceSentence } from '../../src/core/reference';
import type { DocumentAnalysis } from '../../src/extension/editor/analysisStore';
import { codeSnippet } from '../../src/extension/webview/codeSnippet';
import { columnWords, findColumn, rowPage, tokenOffsets, usedColumns } from '../../src/extension/webview/panelAnswers';
import { pythonHas, runPython } from './support/python';

function entryOf(texts: string[], offsets: number[]): DocumentAnalysis {
	return {
		id: 7,
		uri: undefined as never,
		version: 1,
		examples: texts.map((text, k) => ({ offset: offsets[k], analysis: analyze(text) })),
	};
}

describe('matrix panel host answers', () => {
	const entry = entryOf([referenceSentence, 'Watson wrote'], [0, 100]);
	const reference = entry.examples[0].analysis;

	it('answers a row page with texts, indices and unknown flags, clamped to the example', () => {
		const page = rowPage(entry, { example: 0, start: 6, count: 100 });
		assert.ok(page);
		assert.equal(page.start, 6);
		assert.deepEqual(page.texts, ['at', '221B', 'Baker', 'Street', 'in', 'London']);
		assert.deepEqual(page.indices, Array.from(reference.indices.subarray(6)));
		assert.deepEqual(page.unknown, [0, 1, 0, 0, 0, 0]);
		assert.equal(rowPage(entry, { example: 2, start: 0, count: 1 }), undefined);
	});

	it('sends the labels with the rows they belong to, not with the summary', () => {
		const labelled = entryOf([referenceSentence], [0]);
		const tags = ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC'];
		(labelled.examples[0] as { labels?: unknown }).labels = { spans: [], tags, binary: Uint8Array.from([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]) };
		const page = rowPage(labelled, { example: 0, start: 3, count: 3 });
		assert.deepEqual(page?.labels, [1, 1, 0]);
		assert.deepEqual(page?.tags, ['B-PER', 'I-PER', 'O']);
		assert.equal(rowPage(entry, { example: 0, start: 0, count: 3 })?.labels, undefined);
	});

	it('gives the vocabulary word of each column asked for', () => {
		const holmes = reference.indices[1] - reference.vocabulary.base;
		assert.deepEqual(columnWords(entry, [0, holmes, 9999, 10_000]), ['a', 'holmes', '<UNK>', '']);
	});

	it('lists the distinct used columns of one example or of all', () => {
		const first = usedColumns(entry, 0);
		assert.equal(first.length, 12);
		assert.deepEqual(first, [...first].sort((a, b) => a - b));
		assert.ok(first.includes(9999));
		const all = usedColumns(entry, null);
		const wrote = entry.examples[1].analysis.indices[1] - 1;
		assert.ok(all.includes(wrote) && !first.includes(wrote));
		// Watson is in both examples and listed once.
		assert.equal(all.length, 13);
	});

	it('finds a column by index, by word as its tokens were normalised, or the <UNK> entry', () => {
		assert.equal(findColumn(entry, '4227'), 4226);
		assert.equal(findColumn(entry, ' Holmes '), reference.indices[1] - 1);
		assert.equal(findColumn(entry, '<UNK>'), 9999);
		assert.equal(findColumn(entry, '0'), null);
		assert.equal(findColumn(entry, '10001'), null);
		assert.equal(findColumn(entry, '221B'), null);
		assert.equal(findColumn(entry, ''), null);
	});

	it('gives the document offsets of a token', () => {
		assert.deepEqual(tokenOffsets(entry, 0, 1), { start: 9, end: 15 });
		assert.deepEqual(tokenOffsets(entry, 1, 1), { start: 107, end: 112 });
		assert.equal(tokenOffsets(entry, 1, 2), undefined);
		assert.equal(tokenOffsets(entry, 3, 0), undefined);
	});
});

describe('Copy as code', () => {
	const reference = analyze(referenceSentence);
	const input = {
		examples: [reference.indices],
		V: 10_000,
		base: 1,
		padIndex: 0,
		conventionLabel: 'Course (default)',
		vocabulary: 'Default English 10k',
	};

	it('writes the indices and a one-hot line for NumPy and PyTorch', () => {
		const numpy = codeSnippet('numpy', input);
		assert.match(numpy, /^import numpy as np$/m);
		assert.match(numpy, new RegExp(`x = np\\.array\\(\\[${Array.from(reference.indices).join(', ')}\\], dtype=np\\.int64\\)`));
		assert.match(numpy, /X = np\.eye\(V, dtype=np\.uint8\)\[x - 1\]/);
		const torch = codeSnippet('pytorch', input);
		assert.match(torch, /F\.one_hot\(x - 1, num_classes=V\)/);
	});

	it('keeps a newline in the vocabulary name inside the comment', () => {
		const text = codeSnippet('numpy', { ...input, vocabulary: 'evil\nimport os' });
		assert.ok(!/^import os/m.test(text));
	});

	(pythonHas('numpy') ? it : it.skip)('NumPy runs the snippets: one 1 per row at index − base, padding as zero rows', () => {
		const single = runPython(`${codeSnippet('numpy', input)}\nprint(X.shape, int(X.sum()), int(X[7].argmax()), int(X[1].argmax()))`);
		assert.equal(single.trim(), `(12, 10000) 12 9999 ${reference.indices[1] - 1}`);
		const batch = codeSnippet('numpy', { ...input, examples: [reference.indices, analyze('Watson wrote').indices] });
		const out = runPython(`${batch}\nprint(X.shape, int(X.sum()), int(X[1, 2:].sum()), int(X[1, 0].argmax()))`);
		assert.equal(out.trim(), `(2, 12, 10000) 14 0 ${reference.indices[4] - 1}`);
	});
});
