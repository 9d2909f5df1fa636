/**
 * Text and JSON-list vocabulary files carry no indices: their entries are numbered by the
 * chosen convention. Some files say plainly which library wrote them; this names that convention
 * so a caller can offer it (a BERT vocab.txt is numbered from 0, not from 1 as the course's list).
 */

import type { ConventionId } from './conventions';

export interface ConventionSuggestion {
	convention: ConventionId;
	/** What in the file points to it, in a few words ("starts with [PAD], [UNK]"). */
	reason: string;
}

/** How many leading entries are looked at for special tokens. */
const headSize = 8;
const bertSpecials = new Set(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);

/**
 * The convention whose layout the entries (by position, as in the file) show, or undefined when
 * nothing is obvious. Only clear marks count: library special tokens at the start, or WordPiece
 * continuation pieces.
 */
export function suggestConvention(entries: readonly string[]): ConventionSuggestion | undefined {
	const head = entries.slice(0, headSize);
	// Keras TextVectorization.get_vocabulary() / StringLookup: '' (padding) then [UNK].
	if (head[0] === '' && head[1] === '[UNK]') {
		return { convention: 'keras-textvectorization', reason: "starts with '' and [UNK]" };
	}
	const bert = head.filter((e) => bertSpecials.has(e));
	if (bert.length >= 2 || (bert.length === 1 && head[0] === bert[0])) {
		return { convention: 'huggingface', reason: `starts with ${bert.join(', ')}` };
	}
	// fairseq / RoBERTa dictionaries as Hugging Face ships them: <s>, <pad>, </s>, <unk>.
	if (head[0] === '<s>' && head.includes('</s>')) {
		return { convention: 'huggingface', reason: 'starts with <s> … </s>' };
	}
	let pieces = 0;
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if (e.length > 2 && e.charCodeAt(0) === 0x23 && e.charCodeAt(1) === 0x23) {
			pieces++;
		}
	}
	if (pieces >= 10 && pieces * 100 >= entries.length) {
		return { convention: 'huggingface', reason: `has ${pieces.toLocaleString('en-US')} WordPiece continuations (##…)` };
	}
	// torchtext's itos with its specials first.
	if ((head[0] === '<unk>' || head[0] === '<pad>') && head.includes('<unk>') && head.includes('<pad>')) {
		return { convention: 'torchtext', reason: `starts with ${head.filter((e) => /^<[a-z]+>$/.test(e)).join(', ')}` };
	}
	return undefined;
}
