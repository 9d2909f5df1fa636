import { strict as assert } from 'node:assert';
import { parseConll } from '../../src/core/export/conllReader';
import { alignEntities } from '../../src/core/ner/align';
import { conllToExamples } from '../../src/core/ner/conllExamples';
import { tokenSpans } from '../../src/core/tokenize';

const file = `-DOCSTART- -X- O O

Sherlock NNP B-PER
Holmes NNP I-PER
lives VBZ O
in IN O
London NNP B-LOC
. . O

Acme NNP B-COMPANY
hired VBD O
Ada NNP B-PER
`;

describe('CoNLL sentences as examples', () => {
	const examples = conllToExamples(parseConll(file));

	it('puts one sentence per line with its source line', () => {
		assert.equal(examples.text, 'Sherlock Holmes lives in London .\nAcme hired Ada');
		assert.deepEqual(examples.lines, [
			{ start: 0, end: 33, sourceLine: 3 },
			{ start: 34, end: 48, sourceLine: 10 },
		]);
	});

	it('gives the gold spans in the text’s offsets, other types read as MISC', () => {
		assert.deepEqual(
			examples.spans.map((s) => [examples.text.slice(s.start, s.end), s.type, s.text, s.source]),
			[
				['Sherlock Holmes', 'PER', 'Sherlock Holmes', 'file'],
				['London', 'LOC', 'London', 'file'],
				['Acme', 'MISC', 'Acme', 'file'],
				['Ada', 'PER', 'Ada', 'file'],
			],
		);
		assert.deepEqual(examples.otherTypes, ['COMPANY']);
	});

	it('aligns back to the words tokenizer as the file’s tags (punctuation dropped)', () => {
		const line = examples.lines[0];
		const text = examples.text.slice(line.start, line.end);
		const tokens = tokenSpans(text, {});
		const spans = examples.spans.filter((s) => s.start < line.end).map((s) => ({ ...s, start: s.start - line.start, end: s.end - line.start }));
		const { tags, binary } = alignEntities(spans, tokens.starts, tokens.ends);
		assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
		assert.deepEqual(Array.from(binary), [1, 1, 0, 0, 0]);
	});
});
