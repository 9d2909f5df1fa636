import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	analysesToCsv,
	analysesToJson,
	analysisToCsv,
	analysisToJson,
	analyze,
	defaultVocabulary,
	encodeNpy,
	indicesToNpy,
	loadVocabulary,
	makeBatch,
	maskToNpy,
	oneHotColumns,
	oneHotToNpy,
	OneHotSizeError,
	referenceSentence,
	toConll,
	type AnalysisJson,
	type AnalysesJson,
} from '../../src/core';
import { pythonHas, runPython } from './support/python';

// The reference sentence's binary name labels (DESIGN.md): Sherlock Holmes, John Watson.
const nameLabels = [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];

describe('.npy export', () => {
	it('writes a version 1.0 header padded to 64 bytes and the raw little-endian data', () => {
		const bytes = encodeNpy(new Int32Array([1, -2, 300]), [3]);
		assert.deepEqual([...bytes.subarray(0, 8)], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
		const headerLength = bytes[8] | (bytes[9] << 8);
		assert.equal((10 + headerLength) % 64, 0);
		const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
		assert.match(header, /^\{'descr': '<i4', 'fortran_order': False, 'shape': \(3,\), \} *\n$/);
		const data = new DataView(bytes.buffer, bytes.byteOffset + 10 + headerLength);
		assert.deepEqual([data.getInt32(0, true), data.getInt32(4, true), data.getInt32(8, true)], [1, -2, 300]);
		assert.throws(() => encodeNpy(new Uint8Array(4), [3]), /does not fit/);
	});

	it('passes the dense size limit through', () => {
		const a = analyze(referenceSentence);
		assert.throws(() => oneHotToNpy(a, 'float32', 1000), OneHotSizeError);
	});

	describe('loaded by NumPy', function () {
		// Starting Python and importing NumPy is slow on a busy machine.
		this.timeout(120000);
		let dir: string;
		before(function () {
			if (!pythonHas('numpy')) {
				// Debian's python3-numpy (run by /usr/bin/python3) is the reader these files are checked against.
				this.skip();
			}
			dir = mkdtempSync(join(tmpdir(), 'sequence-lens-npy-'));
		});
		after(() => {
			if (dir) {
				rmSync(dir, { recursive: true, force: true });
			}
		});

		/** Saves each array, loads it with numpy.load and returns dtype, shape and values as JSON. */
		function numpyLoad(files: Record<string, Uint8Array>): Record<string, { dtype: string; shape: number[]; values: unknown; argmax?: number[]; sum?: number }> {
			for (const [name, bytes] of Object.entries(files)) {
				writeFileSync(join(dir, `${name}.npy`), bytes);
			}
			const script = [
				'import json, sys, os, numpy as np',
				'out = {}',
				'for name in sys.argv[2:]:',
				'    a = np.load(os.path.join(sys.argv[1], name + ".npy"), allow_pickle=False)',
				'    r = {"dtype": a.dtype.str, "shape": list(a.shape)}',
				'    if a.ndim >= 2 and a.shape[-1] > 50:',
				'        r["argmax"] = a.argmax(axis=-1).ravel().tolist()',
				'        r["sum"] = float(a.sum())',
				'        r["rowsums"] = a.sum(axis=-1).ravel().tolist()',
				'    else:',
				'        r["values"] = a.tolist()',
				'    out[name] = r',
				'print(json.dumps(out))',
			].join('\n');
			return JSON.parse(runPython(script, [dir, ...Object.keys(files)]));
		}

		it('reads indices (T) and (m, T) as int32 with the right values', () => {
			const v = defaultVocabulary();
			const a = analyze(referenceSentence, { vocabulary: v });
			const batch = makeBatch(['Sherlock Holmes', 'lived at 221B Baker Street'].map((t) => analyze(t, { vocabulary: v })));
			const r = numpyLoad({ indices: indicesToNpy(a), batch: indicesToNpy(batch), mask: maskToNpy(batch), empty: indicesToNpy(analyze('...', { vocabulary: v })) });
			assert.equal(r.indices.dtype, '<i4');
			assert.deepEqual(r.indices.shape, [12]);
			assert.deepEqual(r.indices.values, [...a.indices]);
			assert.equal((r.indices.values as number[])[7], 10000);
			assert.equal(r.batch.dtype, '<i4');
			assert.deepEqual(r.batch.shape, [2, 5]);
			const batchRows = r.batch.values as number[][];
			assert.deepEqual(batchRows[0].slice(2), [0, 0, 0], 'course pads with 0');
			assert.deepEqual(batchRows.flat(), [...batch.indices]);
			assert.equal(r.mask.dtype, '|u1');
			assert.deepEqual(r.mask.values, [
				[1, 1, 0, 0, 0],
				[1, 1, 1, 1, 1],
			]);
			assert.deepEqual(r.empty.shape, [0]);
		});

		it('reads the dense one-hot (T, |V|) as uint8 and (m, T, |V|) as float32', () => {
			const v = defaultVocabulary();
			const a = analyze(referenceSentence, { vocabulary: v });
			const batch = makeBatch(['Sherlock Holmes', 'lived at 221B Baker Street'].map((t) => analyze(t, { vocabulary: v })));
			const r = numpyLoad({ dense: oneHotToNpy(a, 'uint8'), batch: oneHotToNpy(batch, 'float32') }) as unknown as Record<string, { dtype: string; shape: number[]; argmax: number[]; sum: number; rowsums: number[] }>;
			assert.equal(r.dense.dtype, '|u1');
			assert.deepEqual(r.dense.shape, [12, 10000]);
			assert.deepEqual(r.dense.argmax, [...oneHotColumns(a)]);
			assert.equal(r.dense.sum, 12);
			assert.equal(r.batch.dtype, '<f4');
			assert.deepEqual(r.batch.shape, [2, 5, 10000]);
			assert.deepEqual(r.batch.rowsums, [1, 1, 0, 0, 0, 1, 1, 1, 1, 1], 'padded steps are all-zero rows');
			assert.deepEqual(
				r.batch.argmax.filter((_, cell) => batch.mask[cell] === 1),
				[...batch.columns].filter((_, cell) => batch.mask[cell] === 1),
			);
		});
	});
});

describe('CSV export', () => {
	it('writes t, token, start, end, index, column, unknown (and labels) per token', () => {
		const csv = analysisToCsv(analyze(referenceSentence), { labels: nameLabels, offset: 100 });
		const lines = csv.split('\r\n');
		assert.equal(lines[0], 't,token,start,end,index,column,unknown,label');
		assert.equal(lines.length, 14, 'header, 12 rows and the final line end');
		const row8 = lines[8].split(',');
		assert.deepEqual(row8.slice(0, 4), ['8', '221B', String(100 + referenceSentence.indexOf('221B')), String(104 + referenceSentence.indexOf('221B'))]);
		assert.deepEqual(row8.slice(4), ['10000', '9999', '1', '0']);
	});

	it('quotes fields so Python’s csv module reads the tokens back', function () {
		this.timeout(60000);
		if (!pythonHas('csv')) {
			this.skip();
		}
		const v = loadVocabulary('"hi",\n<UNK>');
		const text = 'He said "hi", then\tleft  ,x';
		const a = analyze(text, { vocabulary: v, tokenizer: 'whitespace', lowercase: false });
		const b = analyze('one', { vocabulary: v });
		const csv = analysesToCsv([{ analysis: a, tags: ['O', 'O', 'O', 'O', 'O', 'O'] }, { analysis: b }]);
		const rows = JSON.parse(runPython('import csv, io, json, sys\nprint(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))', [], csv)) as string[][];
		assert.deepEqual(rows[0], ['example', 't', 'token', 'start', 'end', 'index', 'column', 'unknown', 'tag']);
		const tokens = rows.slice(1).map((r) => r[2]);
		assert.deepEqual(tokens, ['He', 'said', '"hi",', 'then', 'left', ',x', 'one']);
		assert.equal(rows[3][5], '1', '"hi", is in this vocabulary');
		assert.deepEqual(rows[7].slice(0, 2), ['2', '1']);
		assert.equal(rows[7][8], '', 'an example without tags leaves the column empty');
		for (const r of rows.slice(1, 7)) {
			assert.equal(text.slice(Number(r[3]), Number(r[4])), r[2]);
		}
	});
});

describe('JSON export', () => {
	it('says which convention it used', () => {
		const v = defaultVocabulary('keras-tokenizer');
		const doc = JSON.parse(analysisToJson({ analysis: analyze(referenceSentence, { vocabulary: v }), labels: nameLabels })) as AnalysisJson;
		assert.equal(doc.format, 'sequence-lens/analysis');
		assert.equal(doc.convention, 'keras-tokenizer');
		assert.equal(doc.conventionMetadata.id, 'keras-tokenizer');
		assert.equal(doc.conventionMetadata.base, 0);
		assert.equal(doc.conventionMetadata.padIndex, 0);
		assert.equal(doc.conventionMetadata.unkIndex, 1);
		assert.equal(doc.conventionMetadata.size, v.size);
		assert.equal(doc.T_x, 12);
		assert.equal(doc.tokens[7].text, '221B');
		assert.equal(doc.tokens[7].index, 1);
		assert.deepEqual(
			doc.tokens.map((t) => t.label),
			nameLabels,
		);
	});

	it('writes several examples with m and their own T_x', () => {
		const v = defaultVocabulary();
		const doc = JSON.parse(analysesToJson(['Holmes', 'Baker Street'].map((t, i) => ({ analysis: analyze(t, { vocabulary: v }), offset: i * 10 })))) as AnalysesJson;
		assert.equal(doc.m, 2);
		assert.deepEqual(
			doc.examples.map((e) => e.T_x),
			[1, 2],
		);
		assert.equal(doc.examples[1].tokens[0].start, 10);
		assert.equal(doc.conventionMetadata.id, 'course');
	});
});

describe('CoNLL export', () => {
	const examples = () => [
		{ analysis: analyze(referenceSentence), labels: ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC'] },
		{ analysis: analyze('Watson  left') },
	];

	it('writes token and label per line with a blank line between examples; missing labels are O', () => {
		const conll = toConll(examples());
		const blocks = conll.split('\n\n');
		assert.equal(blocks.length, 2);
		assert.equal(blocks[0].split('\n')[0], 'Sherlock B-PER');
		assert.equal(blocks[1], 'Watson O\nleft O\n');
		assert.equal(toConll({ analysis: analyze(referenceSentence), labels: nameLabels }, { separator: '\t' }).split('\n')[1], 'Holmes\t1');
	});

	it('is read back by NLTK’s ConllCorpusReader', function () {
		// Importing NLTK takes seconds, and far more on a busy machine.
		this.timeout(180000);
		if (!pythonHas('nltk')) {
			// Debian's python3-nltk; without it the parse below is the only check.
			this.skip();
		}
		const dir = mkdtempSync(join(tmpdir(), 'sequence-lens-conll-'));
		try {
			writeFileSync(join(dir, 'train.conll'), toConll(examples(), { docstart: true }));
			// The label column is read as the 'pos' column: the reader only splits columns, and tagged_sents pairs word and that column.
			const script = [
				'import json, sys',
				'from nltk.corpus.reader.conll import ConllCorpusReader',
				'r = ConllCorpusReader(sys.argv[1], ["train.conll"], columntypes=("words", "pos"))',
				'print(json.dumps([[list(p) for p in s] for s in r.tagged_sents()]))',
			].join('\n');
			const sents = JSON.parse(runPython(script, [dir])) as [string, string][][];
			const expected = examples().map((e) =>
				Array.from({ length: e.analysis.length }, (_, t) => [e.analysis.text.slice(e.analysis.starts[t], e.analysis.ends[t]), e.labels?.[t] ?? 'O']),
			);
			// The reader drops the -DOCSTART- line itself, leaving its block as an empty sentence.
			assert.deepEqual(sents, [[], ...expected]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('keeps one token per line even when a token holds whitespace', () => {
		const a = analyze('new york city', { tokenizer: 'regex', pattern: '\\w+ \\w+|\\w+' });
		assert.equal(toConll({ analysis: a }), 'new_york O\ncity O\n');
	});
});
