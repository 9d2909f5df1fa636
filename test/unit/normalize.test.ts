import * as assert from 'node:assert/strict';
import { normalizeToken, type NormalizeOptions } from '../../src/core/normalize';
import { analyze, analysisToRecord } from '../../src/core/analyze';
import { Vocabulary } from '../../src/core/vocabulary';

describe('normalizeToken', () => {
	const cases: Array<[string, string, NormalizeOptions, string]> = [
		['lowercases by default', 'Holmes', {}, 'holmes'],
		['keeps case when asked', 'Holmes', { lowercase: false }, 'Holmes'],
		['lowercases beyond ASCII', '\u00c9COLE \u0391\u0398\u0397\u039d\u0391', {}, '\u00e9cole \u03b1\u03b8\u03b7\u03bd\u03b1'],
		['composes to NFC by default', 'cafe\u0301', {}, 'caf\u00e9'],
		['NFC keeps compatibility characters', '\ufb01ne \u2460', {}, '\ufb01ne \u2460'],
		['NFKC folds compatibility characters', '\ufb01ne \u2460', { unicodeForm: 'NFKC' }, 'fine 1'],
		['form none leaves decomposed text alone', 'cafe\u0301', { unicodeForm: 'none' }, 'cafe\u0301'],
		['strips accents', 'Caf\u00e9 na\u00efve \u00c5ngstr\u00f6m', { stripAccents: true }, 'cafe naive angstrom'],
		['strips accents from decomposed input', 'cafe\u0301', { stripAccents: true, lowercase: false }, 'cafe'],
		['strips accents after NFKC folding', '\ufb01anc\u00e9', { stripAccents: true, unicodeForm: 'NFKC' }, 'fiance'],
		['maps the typographic apostrophe to the ASCII one', 'Don\u2019t', {}, "don't"],
	];
	for (const [name, input, options, expected] of cases) {
		it(name, () => {
			assert.equal(normalizeToken(input, options), expected);
		});
	}
});

describe('normalisation is for lookup only; the display keeps the original', () => {
	const vocabulary = new Vocabulary({
		name: 'test',
		entries: ['cafe', 'caf\u00e9', "don't", 'fine', '<UNK>'],
		base: 1,
		unkIndex: 5,
		padIndex: null,
		convention: 'course',
	});

	it('looks up the normal form and reports the original text and offsets', () => {
		const text = 'CAFE\u0301 Don\u2019t \ufb01ne';
		const record = analysisToRecord(analyze(text, { vocabulary }));
		assert.deepEqual(
			record.tokens.map((t) => [t.text, t.normalized, t.index, text.slice(t.start, t.end)]),
			[
				['CAFE\u0301', 'caf\u00e9', 2, 'CAFE\u0301'],
				['Don\u2019t', "don't", 3, 'Don\u2019t'],
				['\ufb01ne', '\ufb01ne', 5, '\ufb01ne'],
			],
		);
	});

	it('applies NFKC and accent stripping when chosen', () => {
		const text = 'Caf\u00e9 \ufb01ne';
		const analysis = analyze(text, { vocabulary, unicodeForm: 'NFKC', stripAccents: true });
		assert.deepEqual(Array.from(analysis.indices), [1, 4]);
		assert.equal(analysis.unknownCount, 0);
	});

	it('is case-sensitive when lowercasing is off', () => {
		const analysis = analyze('Fine fine', { vocabulary, lowercase: false });
		assert.deepEqual(Array.from(analysis.indices), [5, 4]);
		assert.deepEqual(Array.from(analysis.unknown), [1, 0]);
	});
});
