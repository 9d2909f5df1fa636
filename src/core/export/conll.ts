/**
 * CoNLL export: one token per line with its label, a blank line between examples — the layout
 * CoNLL-2003 style readers (NLTK's ConllCorpusReader among them) split on whitespace.
 */

import type { Analysis } from '../analyze';

export interface ConllExample {
	analysis: Analysis;
	/** One label per token (BIO tags, 0/1…); 'O' where missing. */
	labels?: ArrayLike<string | number>;
}

export interface ConllOptions {
	/** Between token and label; a space by default (CoNLL-2003), or a tab. */
	separator?: ' ' | '\t';
	/** Start with a `-DOCSTART- O` line and a blank line, as the CoNLL-2003 files do. */
	docstart?: boolean;
}

// Readers split lines on whitespace, so whitespace inside a token or label would add columns.
const whitespace = /\s/gu;

function cell(text: string): string {
	const clean = text.replace(whitespace, '_');
	return clean === '' ? '_' : clean;
}

/** Token and label per line, examples separated by one blank line, ending with a line break. */
export function toConll(examples: readonly ConllExample[] | ConllExample, options: ConllOptions = {}): string {
	const list = Array.isArray(examples) ? (examples as readonly ConllExample[]) : [examples as ConllExample];
	const separator = options.separator ?? ' ';
	const blocks: string[] = options.docstart ? [`-DOCSTART-${separator}O`] : [];
	for (const { analysis, labels } of list) {
		const lines: string[] = new Array(analysis.length);
		for (let t = 0; t < analysis.length; t++) {
			const token = analysis.text.slice(analysis.starts[t], analysis.ends[t]);
			const label = labels?.[t];
			lines[t] = `${cell(token)}${separator}${label === undefined || label === '' ? 'O' : cell(String(label))}`;
		}
		// An empty example would add a second blank line, which readers take as nothing: skip it.
		if (lines.length > 0) {
			blocks.push(lines.join('\n'));
		}
	}
	return blocks.length ? blocks.join('\n\n') + '\n' : '';
}
