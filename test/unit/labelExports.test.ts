import assert from 'node:assert/strict';
import {
	alignEntities,
	alignLabelsToSubwords,
	analyze,
	codePointOffsets,
	conll2003LabelNames,
	ConllParseError,
	LabelNameError,
	parseConll,
	referenceSentence,
	spansFromTags,
	toConll,
	toHuggingFace,
	toHuggingFaceJsonl,
	toJsonlSpans,
} from '../../src/core';
import { pythonHas, runPython } from './support/python';

// Hand-placed spans over the reference sentence (DESIGN.md): two names, two places.
function referenceSpans(): { start: number; end: number; type: string }[] {
	const at = (s: string) => referenceSentence.indexOf(s);
	return [
		{ start: at('Sherlock Holmes'), end: at('Sherlock Holmes') + 'Sherlock Holmes'.length, type: 'PER' },
		{ start: at('John Watson'), end: at('John Watson') + 'John Watson'.length, type: 'PER' },
		{ start: at('Baker Street'), end: at('Baker Street') + 'Baker Street'.length, type: 'LOC' },
		{ start: at('London'), end: at('London') + 'London'.length, type: 'LOC' },
	];
}

describe('JSONL span export', () => {
	it('counts code points, not UTF-16 units, across emoji and astral letters', () => {
		const text = 'A 😀 met 𝒜lice and 👩‍👩‍👧 in Zürich';
		assert.deepEqual([...codePointOffsets('a😀b')], [0, 1, 1, 2, 3]);
		const spans = ['𝒜lice', 'Zürich'].map((s, k) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: k ? 'LOC' : 'PER' }));
		const line = toJsonlSpans([{ text, spans }]);
		assert.ok(line.endsWith('\n'));
		const record = JSON.parse(line) as { text: string; label: [number, number, string][] };
		const points = Array.from(text);
		assert.deepEqual(
			record.label.map(([s, e, type]) => [points.slice(s, e).join(''), type]),
			[
				['𝒜lice', 'PER'],
				['Zürich', 'LOC'],
			],
		);
		// The UTF-16 offsets differ: the conversion did something.
		assert.notEqual(record.label[0][0], spans[0].start);
	});

	it('is read back by Python’s json module with offsets that slice Python strings', function () {
		this.timeout(60000);
		if (!pythonHas('json')) {
			this.skip();
		}
		const examples = [
			{ text: referenceSentence, spans: referenceSpans() },
			{ text: '🎉 Ada Lovelace 🎉 visited 🇬🇧 London.', spans: [] as { start: number; end: number; type: string }[] },
		];
		const second = examples[1];
		for (const [s, type] of [['Ada Lovelace', 'PER'], ['London', 'LOC']] as const) {
			second.spans.push({ start: second.text.indexOf(s), end: second.text.indexOf(s) + s.length, type });
		}
		const jsonl = toJsonlSpans(examples);
		const script = [
			'import json, sys',
			'out = []',
			'for line in sys.stdin.read().splitlines():',
			'    r = json.loads(line)',
			'    out.append([[r["text"][s:e], t] for s, e, t in r["label"]])',
			'print(json.dumps(out))',
		].join('\n');
		const read = JSON.parse(runPython(script, [], jsonl)) as [string, string][][];
		assert.deepEqual(read, [
			[
				['Sherlock Holmes', 'PER'],
				['John Watson', 'PER'],
				['Baker Street', 'LOC'],
				['London', 'LOC'],
			],
			[
				['Ada Lovelace', 'PER'],
				['London', 'LOC'],
			],
		]);
	});

	it('rejects a span outside the text', () => {
		assert.throws(() => toJsonlSpans([{ text: 'abc', spans: [{ start: 1, end: 9, type: 'PER' }] }]), RangeError);
	});
});

describe('Hugging Face token-classification export', () => {
	it('writes tokens and conll2003 label ids that map back to the tags', () => {
		const a = analyze(referenceSentence);
		const { tags } = alignEntities(referenceSpans() as { start: number; end: number; type: 'PER' | 'LOC' }[], a.starts, a.ends);
		const tokens = Array.from(a.starts, (s, t) => a.text.slice(s, a.ends[t]));
		const record = toHuggingFace({ tokens, tags });
		assert.equal(record.tokens.length, 12);
		assert.deepEqual(record.label_names, [...conll2003LabelNames]);
		assert.deepEqual(
			record.ner_tags.map((id) => record.label_names[id]),
			['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC'],
		);
		assert.deepEqual(record.ner_tags.slice(0, 2), [1, 2]);
	});

	it('puts -100 at ignored positions and refuses unknown tags', () => {
		const record = toHuggingFace({ tokens: ['Hi', ',', 'Ada'], tags: ['O', 'O', 'B-PER'], ignore: [0, 1, 0] });
		assert.deepEqual(record.ner_tags, [0, -100, 1]);
		assert.throws(() => toHuggingFace({ tokens: ['x'], tags: ['B-PERSON'] }), LabelNameError);
		assert.throws(() => toHuggingFace({ tokens: ['x', 'y'], tags: ['O'] }), RangeError);
	});

	it('aligns word labels to subwords like tokenize_and_align_labels', () => {
		// [CLS] Sher ##lock Holmes [SEP]
		const wordIds = [null, 0, 0, 1, null];
		assert.deepEqual(alignLabelsToSubwords(wordIds, [1, 2]), [-100, 1, -100, 2, -100]);
		assert.deepEqual(alignLabelsToSubwords(wordIds, [1, 2], { labelAllTokens: true }), [-100, 1, 1, 2, -100]);
		assert.throws(() => alignLabelsToSubwords([0, 3], [1]), RangeError);
	});

	it('is read back by Python’s json module', function () {
		this.timeout(60000);
		if (!pythonHas('json')) {
			this.skip();
		}
		const jsonl = toHuggingFaceJsonl([
			{ tokens: ['John', 'Watson', 'lived'], tags: ['B-PER', 'I-PER', 'O'] },
			{ tokens: ['in', 'London'], tags: ['O', 'B-LOC'], ignore: [1, 0] },
		]);
		const script = [
			'import json, sys',
			'rows = [json.loads(l) for l in sys.stdin.read().splitlines()]',
			'print(json.dumps([[r["label_names"][i] if i >= 0 else i for i in r["ner_tags"]] for r in rows]))',
		].join('\n');
		assert.deepEqual(JSON.parse(runPython(script, [], jsonl)), [
			['B-PER', 'I-PER', 'O'],
			[-100, 'B-LOC'],
		]);
	});
});

describe('CoNLL reader', () => {
	it('reads back what toConll writes', () => {
		const a = analyze(referenceSentence);
		const { tags } = alignEntities(referenceSpans() as { start: number; end: number; type: 'PER' | 'LOC' }[], a.starts, a.ends);
		const written = toConll([{ analysis: a, labels: tags }, { analysis: analyze('Ada  Lovelace'), labels: ['B-PER', 'I-PER'] }], { docstart: true });
		const sentences = parseConll(written);
		assert.equal(sentences.length, 2);
		assert.equal(sentences[0].tokens.join(' '), 'Sherlock Holmes and John Watson lived at 221B Baker Street in London');
		assert.deepEqual(sentences[0].tags, tags);
		assert.equal(sentences[1].line, 16);
		// Offsets index the joined text, so tags turn back into spans over it.
		const s = sentences[0];
		const spans = spansFromTags(s.tags, s.starts, s.ends).map((x) => [s.text.slice(x.start, x.end), x.type]);
		assert.deepEqual(spans, [
			['Sherlock Holmes', 'PER'],
			['John Watson', 'PER'],
			['Baker Street', 'LOC'],
			['London', 'LOC'],
		]);
	});

	it('takes the last column of CoNLL-2003 lines and skips -DOCSTART-', () => {
		const text = '-DOCSTART- -X- -X- O\r\n\r\nEU NNP B-NP B-ORG\r\nrejects VBZ B-VP O\r\n\r\n\r\nPeter NNP B-NP B-PER\r\nBlackburn NNP I-NP I-PER\r\n';
		const sentences = parseConll(text);
		assert.deepEqual(
			sentences.map((s) => [s.tokens, s.tags, s.line]),
			[
				[['EU', 'rejects'], ['B-ORG', 'O'], 3],
				[['Peter', 'Blackburn'], ['B-PER', 'I-PER'], 7],
			],
		);
		assert.equal(parseConll('').length, 0);
	});

	it('names the line of a token without a tag', () => {
		assert.throws(
			() => parseConll('John B-PER\nWatson\n'),
			(e: unknown) => e instanceof ConllParseError && e.line === 2,
		);
	});
});
