import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Vocabulary, VocabularyError } from '../../src/core/vocabulary';
import { normalizeToken, type NormalizeOptions } from '../../src/core/normalize';

const make = (entries: readonly string[], base = 0) =>
	new Vocabulary({ name: 'test', entries, base, unkIndex: base, padIndex: null, convention: 'huggingface' });

/** The slow path findSpan must equal: build the string, normalise, look it up. */
const slowFind = (v: Vocabulary, text: string, start: number, end: number, options: NormalizeOptions) => {
	const key = normalizeToken(text.slice(start, end), options);
	return v.has(key) ? v.lookup(key) - v.base : -1;
};

// Short strings over an alphabet where ASCII case, accents, apostrophes and hash collisions meet.
const piece = fc.constantFrom('a', 'b', 'A', 'B', 'z', 'Z', '0', "'", '-', '\u00e9', 'e\u0301', '\u00c9', '\u2019', '\u00df', '\ufb01', '\u{1d400}', '[', '<', 'K', '\u212a');
const word = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const options = fc.record(
	{ lowercase: fc.boolean(), unicodeForm: fc.constantFrom('NFC' as const, 'NFKC' as const, 'none' as const), stripAccents: fc.boolean() },
	{ requiredKeys: [] },
);

describe('Vocabulary span lookup (char-code hash table for ASCII, Map otherwise)', () => {
	it('equals normalise-then-lookup for every token, option set and vocabulary (property)', () => {
		fc.assert(
			fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), fc.array(word, { maxLength: 20 }), options, (entries, extra, opts) => {
				const v = make(['[UNK]', ...entries.filter((e) => e !== '[UNK]')]);
				// Probe every entry, case variants of it, and unrelated words, inside a longer text.
				const probes = [...entries, ...entries.map((e) => e.toUpperCase()), ...entries.map((e) => e.toLowerCase()), ...extra];
				const text = probes.join(' ');
				let at = 0;
				for (const probe of probes) {
					const expected = slowFind(v, text, at, at + probe.length, opts);
					assert.equal(v.findSpan(text, at, at + probe.length, opts), expected, `${JSON.stringify(probe)} ${JSON.stringify(opts)}`);
					assert.equal(v.lookupSpan(text, at, at + probe.length, opts), expected < 0 ? v.unkIndex : expected + v.base);
					at += probe.length + 1;
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('finds each of 200,000 entries and rejects near misses', () => {
		const entries = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36)}`);
		const v = make(entries, 1);
		const text = entries.join(' ');
		let at = 0;
		for (let p = 0; p < entries.length; p++) {
			const end = at + entries[p].length;
			assert.equal(v.findSpan(text, at, end), p);
			// A prefix of the entry is another entry or absent, never this one.
			if (end - at > 2) {
				assert.notEqual(v.findSpan(text, at, end - 1), p);
			}
			at = end + 1;
		}
		assert.equal(v.findSpan('W0', 0, 2), 0, 'lowercased before lookup');
		assert.equal(v.findSpan('W0', 0, 2, { lowercase: false }), -1, 'exact case');
		assert.equal(v.findSpan('wzzzzzz', 0, 7), -1);
	});

	it('keeps entries with capitals reachable only without lowercasing', () => {
		const v = make(['[UNK]', 'Apple', 'apple', 'NASA']);
		assert.equal(v.findSpan('APPLE', 0, 5), 2);
		assert.equal(v.findSpan('Apple', 0, 5, { lowercase: false }), 1);
		assert.equal(v.findSpan('NASA', 0, 4), -1);
		assert.equal(v.findSpan('NASA', 0, 4, { lowercase: false }), 3);
	});

	it('still refuses duplicate and empty vocabularies', () => {
		assert.throws(() => make(['a', 'b', 'a']), VocabularyError);
		assert.throws(() => make([]), VocabularyError);
	});

	it('names the first repeated token in position order, ASCII or not, and tells case apart', () => {
		assert.throws(() => make(['a', 'B', 'b', '\u00e9', 'x', '\u00e9', 'a']), /Duplicate token "\u00e9" at index 5 \(first at index 3\)/);
		assert.throws(() => make(['\u00e9', 'a', 'x', 'a', '\u00e9']), /Duplicate token "a" at index 3 \(first at index 1\)/);
		assert.throws(() => make(['', 'x', '']), /Duplicate token "" at index 2 \(first at index 0\)/);
		const v = make(['Apple', 'apple', 'APPLE', '']);
		assert.deepEqual(['Apple', 'apple', 'APPLE', '', 'aPPLE'].map((w) => v.has(w)), [true, true, true, true, false]);
		assert.equal(v.lookup('APPLE'), 2);
	});
});
