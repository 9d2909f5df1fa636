/**
 * Index conventions (DESIGN.md "Conventions"). Each one says where words start, which indices the
 * specials take and how a plain word list is ordered; |V| always counts every entry.
 */

import { Vocabulary, type VocabularyInit } from './vocabulary';

export type ConventionId = 'course' | 'keras-tokenizer' | 'keras-textvectorization' | 'torchtext' | 'huggingface';

export interface Convention {
	id: ConventionId;
	label: string;
	/** One line for a quick pick. */
	description: string;
	/** Specials placed before the words, in order. */
	leadingSpecials: readonly string[];
	/** The unknown token. */
	unkToken: string;
	/** The padding token, or null when none is reserved. */
	padToken: string | null;
	/** Index of the first entry. */
	base: number;
	/** Whether the unknown token is appended after the words (course) rather than among the leading specials. */
	unkLast: boolean;
	/** How a word list with frequencies is ordered under this convention. */
	order: 'alphabetical' | 'frequency';
	/** What it follows of the library beyond the index layout. */
	note: string;
}

export const conventions: Readonly<Record<ConventionId, Convention>> = {
	course: {
		id: 'course',
		label: 'Course (default)',
		description: '1-based, words sorted alphabetically, <UNK> = |V|, no padding index.',
		leadingSpecials: [],
		unkToken: '<UNK>',
		padToken: null,
		base: 1,
		unkLast: true,
		order: 'alphabetical',
		note: 'Batches pad with a chosen index, 0 by default, which is outside the vocabulary.',
	},
	'keras-tokenizer': {
		id: 'keras-tokenizer',
		label: 'Keras Tokenizer(oov_token=…)',
		description: '0 reserved for padding, OOV token = 1, words from 2 by frequency.',
		leadingSpecials: ['<PAD>', '<OOV>'],
		unkToken: '<OOV>',
		padToken: '<PAD>',
		base: 0,
		unkLast: false,
		order: 'frequency',
		note: 'Index layout and frequency order only; Keras\'s default filters (punctuation removal) are approximated by the words tokenizer.',
	},
	'keras-textvectorization': {
		id: 'keras-textvectorization',
		label: 'Keras TextVectorization / StringLookup',
		description: "'' = 0 (padding), [UNK] = 1, words from 2 by frequency.",
		leadingSpecials: ['', '[UNK]'],
		unkToken: '[UNK]',
		padToken: '',
		base: 0,
		unkLast: false,
		order: 'frequency',
		note: "Index layout only; TextVectorization's lower_and_strip_punctuation matches the words tokenizer with lowercasing.",
	},
	torchtext: {
		id: 'torchtext',
		label: 'torchtext (specials first)',
		description: '<unk> = 0, <pad> = 1, <bos> = 2, <eos> = 3, words from 4 by frequency.',
		leadingSpecials: ['<unk>', '<pad>', '<bos>', '<eos>'],
		unkToken: '<unk>',
		padToken: '<pad>',
		base: 0,
		unkLast: false,
		order: 'frequency',
		note: 'As build_vocab_from_iterator(specials=[…]) with set_default_index(vocab["<unk>"]); basic_english normalisation is not applied.',
	},
	huggingface: {
		id: 'huggingface',
		label: 'Hugging Face',
		description: 'As in the loaded file (0-based); the built-in list gets [PAD] = 0, [UNK] = 1.',
		leadingSpecials: ['[PAD]', '[UNK]'],
		unkToken: '[UNK]',
		padToken: '[PAD]',
		base: 0,
		unkLast: false,
		order: 'frequency',
		note: 'A loaded tokenizer.json / vocab.txt keeps its own indices and unk_token; words are looked up whole, not split into subwords.',
	},
};

export const conventionIds = Object.keys(conventions) as ConventionId[];

export function isConventionId(value: unknown): value is ConventionId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(conventions, value);
}

/** Code-point order, the order DESIGN.md fixes for the course convention ("a" = 1). */
export function compareCodePoints(a: string, b: string): number {
	const ia = a[Symbol.iterator]();
	const ib = b[Symbol.iterator]();
	for (;;) {
		const x = ia.next();
		const y = ib.next();
		if (x.done || y.done) {
			return x.done ? (y.done ? 0 : -1) : 1;
		}
		const d = (x.value.codePointAt(0) as number) - (y.value.codePointAt(0) as number);
		if (d !== 0) {
			return d;
		}
	}
}

/**
 * Builds a vocabulary from words listed most frequent first, numbered under `convention`.
 * Words equal to a special of the convention are dropped (the special keeps its place).
 * `unkToken` replaces the convention's spelling of the unknown entry, at the same index.
 */
export function vocabularyFromWords(
	wordsByFrequency: readonly string[],
	conventionId: ConventionId,
	name: string,
	init: Pick<VocabularyInit, 'possessiveFallback'> & { unkToken?: string } = {},
): Vocabulary {
	const preset = conventions[conventionId];
	const { unkToken, ...vocabularyInit } = init;
	const convention: Convention =
		unkToken && unkToken !== preset.unkToken
			? {
					...preset,
					unkToken,
					leadingSpecials: preset.leadingSpecials.map((s) => (s === preset.unkToken ? unkToken : s)),
					padToken: preset.padToken === unkToken ? null : preset.padToken,
				}
			: preset;
	const specials = new Set([...convention.leadingSpecials, convention.unkToken]);
	const words = wordsByFrequency.filter((w) => !specials.has(w));
	if (convention.order === 'alphabetical') {
		words.sort(compareCodePoints);
	}
	const entries = convention.unkLast
		? [...convention.leadingSpecials, ...words, convention.unkToken]
		: [...convention.leadingSpecials, ...words];
	const position = (token: string | null) => (token === null ? -1 : entries.indexOf(token));
	const unkPosition = position(convention.unkToken);
	const padPosition = position(convention.padToken);
	return new Vocabulary({
		name,
		entries,
		base: convention.base,
		unkIndex: convention.base + unkPosition,
		padIndex: padPosition < 0 ? null : convention.base + padPosition,
		convention: conventionId,
		...vocabularyInit,
	});
}
