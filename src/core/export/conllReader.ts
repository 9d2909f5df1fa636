/**
 * Reads CoNLL / BIO text (token first, tag last on each line, blank lines between sentences,
 * `-DOCSTART-` lines ignored) into examples X^(i), Y^(i). Each example also gets a text made of
 * its tokens joined by single spaces, with token offsets into it, so it can be analysed and its
 * tags turned back into spans like any selection.
 */

export interface ConllSentence {
	tokens: string[];
	/** The last column of each line: BIO or IOB1 tags as written. */
	tags: string[];
	/** 1-based line of the sentence's first token in the input. */
	line: number;
	/** Tokens joined by single spaces. */
	text: string;
	/** Token offsets into `text`, UTF-16 code units. */
	starts: Int32Array;
	ends: Int32Array;
}

export class ConllParseError extends Error {
	constructor(
		message: string,
		readonly line: number,
	) {
		super(`line ${line}: ${message}`);
	}
}

function finish(tokens: string[], tags: string[], line: number): ConllSentence {
	const starts = new Int32Array(tokens.length);
	const ends = new Int32Array(tokens.length);
	let at = 0;
	for (let t = 0; t < tokens.length; t++) {
		starts[t] = at;
		ends[t] = at + tokens[t].length;
		at = ends[t] + 1;
	}
	return { tokens, tags, line, text: tokens.join(' '), starts, ends };
}

/** The sentences of a CoNLL file; a line with a token but no tag column throws with its line number. */
export function parseConll(text: string): ConllSentence[] {
	const out: ConllSentence[] = [];
	let tokens: string[] = [];
	let tags: string[] = [];
	let first = 0;
	const lines = text.split(/\r\n|\n|\r/u);
	for (let i = 0; i < lines.length; i++) {
		const columns = lines[i].trim().split(/\s+/u).filter((c) => c !== '');
		if (columns.length === 0 || columns[0] === '-DOCSTART-') {
			if (tokens.length > 0) {
				out.push(finish(tokens, tags, first));
				tokens = [];
				tags = [];
			}
			continue;
		}
		if (columns.length < 2) {
			throw new ConllParseError(`“${columns[0]}” has no tag column (expected “token … tag”).`, i + 1);
		}
		if (tokens.length === 0) {
			first = i + 1;
		}
		tokens.push(columns[0]);
		tags.push(columns[columns.length - 1]);
	}
	if (tokens.length > 0) {
		out.push(finish(tokens, tags, first));
	}
	return out;
}
