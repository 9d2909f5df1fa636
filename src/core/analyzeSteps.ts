/**
 * `analyze` in steps, for long texts: the text is cut at whitespace into pieces that are
 * analysed one at a time, so a caller can yield to its event loop, show progress and stop
 * between pieces. The merged result is the same as `analyze` on the whole text.
 */

import { analyze, type Analysis, type AnalyzeOptions } from './analyze';

/** Default size of a piece: about 15,000 English words. */
export const defaultStepCharacters = 1 << 16;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Where the piece starting at `start` ends: just after the last whitespace before `start +
 * size`, else after the first one beyond it, else at the end. The built-in tokenizers never put
 * whitespace inside a token, so no token is cut; a user pattern might, so it is never cut.
 */
function pieceEnd(text: string, start: number, size: number, options: AnalyzeOptions): number {
	const target = start + size;
	if (target >= text.length || options.tokenizer === 'regex') {
		return text.length;
	}
	for (let i = target; i > start; i--) {
		if (isSpace(text.charCodeAt(i - 1))) {
			return i;
		}
	}
	for (let i = target; i < text.length; i++) {
		if (isSpace(text.charCodeAt(i))) {
			return i + 1;
		}
	}
	return text.length;
}

/**
 * Analyses `text` piece by piece: each `next()` analyses one piece and yields how many
 * characters are done; the return value is the whole analysis.
 */
export function* analyzeSteps(text: string, options: AnalyzeOptions = {}, stepCharacters = defaultStepCharacters): Generator<number, Analysis, void> {
	const pieces: { offset: number; analysis: Analysis }[] = [];
	let start = 0;
	do {
		const end = pieceEnd(text, start, Math.max(1, stepCharacters), options);
		pieces.push({ offset: start, analysis: analyze(text.slice(start, end), options) });
		start = end;
		yield start;
	} while (start < text.length);
	if (pieces.length === 1) {
		return { ...pieces[0].analysis, text };
	}
	const count = pieces.reduce((n, p) => n + p.analysis.length, 0);
	const starts = new Int32Array(count);
	const ends = new Int32Array(count);
	const indices = new Int32Array(count);
	const unknown = new Uint8Array(count);
	let unknownCount = 0;
	let t = 0;
	for (const { offset, analysis } of pieces) {
		for (let k = 0; k < analysis.length; k++, t++) {
			starts[t] = analysis.starts[k] + offset;
			ends[t] = analysis.ends[k] + offset;
		}
		indices.set(analysis.indices, t - analysis.length);
		unknown.set(analysis.unknown, t - analysis.length);
		unknownCount += analysis.unknownCount;
	}
	const first = pieces[0].analysis;
	return { text, length: count, starts, ends, indices, unknown, unknownCount, vocabulary: first.vocabulary, options: first.options };
}
