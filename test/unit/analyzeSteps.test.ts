import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, type Analysis, type AnalyzeOptions } from '../../src/core/analyze';
import { analyzeSteps } from '../../src/core/analyzeSteps';
import { referenceSentence } from '../../src/core/reference';

// Whitespace of every kind the cut looks for, next to the characters tokenizers treat specially.
const pieces = [
	'a', 'Z', 'é', 'e\u0301', '7', "'", '\u2019', '-', ' ', '  ', '\t', '\r\n', '\n', '.', ',', '!', '221B', 'London',
	'\u{1f600}', '\u{1f468}\u200d\u{1f469}', '\u05e9\u05dc\u05d5\u05dd', '\u4e2d\u6587', '\u00a0', '\u0301', 'don\u2019t',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join(''));

function run(input: string, options: AnalyzeOptions, step: number): { analysis: Analysis; progress: number[] } {
	const steps = analyzeSteps(input, options, step);
	const progress: number[] = [];
	for (;;) {
		const next = steps.next();
		if (next.done) {
			return { analysis: next.value, progress };
		}
		progress.push(next.value);
	}
}

function plain(a: Analysis) {
	return { text: a.text, length: a.length, starts: [...a.starts], ends: [...a.ends], indices: [...a.indices], unknown: [...a.unknown], unknownCount: a.unknownCount };
}

describe('analyzeSteps (long analyses in pieces)', () => {
	for (const tokenizer of ['words', 'words+punctuation', 'whitespace', 'segmenter'] as const) {
		it(`gives the same analysis as analyze, whatever the piece size (${tokenizer}, property)`, () => {
			fc.assert(
				fc.property(text, fc.integer({ min: 1, max: 30 }), (input, step) => {
					const options: AnalyzeOptions = { tokenizer };
					assert.deepEqual(plain(run(input, options, step).analysis), plain(analyze(input, options)));
				}),
				{ numRuns: 200 },
			);
		});
	}

	it('reports rising progress that ends at the text length, and cuts the reference sentence into several pieces', () => {
		const { analysis, progress } = run(referenceSentence, {}, 10);
		assert.ok(progress.length > 3, `${progress.length} pieces`);
		assert.deepEqual([...progress].sort((a, b) => a - b), progress);
		assert.equal(progress[progress.length - 1], referenceSentence.length);
		assert.equal(analysis.length, 12);
		assert.equal(analysis.indices[7], 10_000);
	});

	it('never cuts a user regex pattern, which may match across whitespace', () => {
		const options: AnalyzeOptions = { tokenizer: 'regex', pattern: '\\S+ \\S+' };
		const { analysis, progress } = run('ab cd ef gh', options, 2);
		assert.deepEqual(progress, [11]);
		assert.deepEqual(plain(analysis), plain(analyze('ab cd ef gh', options)));
	});
});
