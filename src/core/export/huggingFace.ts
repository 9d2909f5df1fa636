/**
 * The Hugging Face token-classification layout (the `conll2003` dataset's columns): `tokens`,
 * integer `ner_tags` and the `label_names` that give each id its tag, plus the subword alignment
 * of the `tokenize_and_align_labels` recipe, where ignored positions get -100 (the index
 * PyTorch's cross-entropy loss skips).
 */

/** The `conll2003` dataset's label ids, so exported ids mean the same as in that dataset. */
export const conll2003LabelNames: readonly string[] = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

/** Label of a position the loss ignores. */
export const ignoredLabel = -100;

export interface HuggingFaceExample {
	tokens: readonly string[];
	/** One BIO tag per token. */
	tags: readonly string[];
	/** Positions to leave out of the loss (padding, punctuation tokens…): their id becomes -100. */
	ignore?: ArrayLike<boolean | number>;
}

export interface HuggingFaceRecord {
	tokens: string[];
	ner_tags: number[];
	label_names: string[];
}

export class LabelNameError extends Error {}

/**
 * Tokens with tag ids. A tag that is not in `labelNames` throws, rather than silently becoming
 * `O`, because a wrong id trains a model on the wrong label.
 */
export function toHuggingFace(example: HuggingFaceExample, labelNames: readonly string[] = conll2003LabelNames): HuggingFaceRecord {
	if (example.tags.length !== example.tokens.length) {
		throw new RangeError(`toHuggingFace: ${example.tokens.length} tokens but ${example.tags.length} tags.`);
	}
	const ids = new Map(labelNames.map((name, i) => [name, i]));
	const ner_tags = example.tags.map((tag, t) => {
		if (example.ignore?.[t]) {
			return ignoredLabel;
		}
		const id = ids.get(tag);
		if (id === undefined) {
			throw new LabelNameError(`toHuggingFace: tag “${tag}” of token ${t + 1} is not one of the label names (${labelNames.join(', ')}).`);
		}
		return id;
	});
	return { tokens: [...example.tokens], ner_tags, label_names: [...labelNames] };
}

/** One record per line (what `datasets.load_dataset('json', …)` reads). */
export function toHuggingFaceJsonl(examples: readonly HuggingFaceExample[], labelNames: readonly string[] = conll2003LabelNames): string {
	return examples.map((ex) => JSON.stringify(toHuggingFace(ex, labelNames)) + '\n').join('');
}

/**
 * Word labels spread over subword tokens, as `tokenize_and_align_labels` does with a fast
 * tokenizer's `word_ids()`: special tokens (`null`) get -100, the first subword of a word gets the
 * word's label, later subwords get -100 — or the word's label too with `labelAllTokens`.
 */
export function alignLabelsToSubwords(
	wordIds: readonly (number | null)[],
	wordLabels: ArrayLike<number>,
	options: { labelAllTokens?: boolean } = {},
): number[] {
	const out: number[] = new Array(wordIds.length);
	let previous: number | null = null;
	for (let i = 0; i < wordIds.length; i++) {
		const w = wordIds[i];
		if (w === null) {
			out[i] = ignoredLabel;
		} else {
			if (w < 0 || w >= wordLabels.length) {
				throw new RangeError(`alignLabelsToSubwords: word id ${w} at position ${i} but ${wordLabels.length} word labels.`);
			}
			out[i] = w !== previous || options.labelAllTokens ? wordLabels[w] : ignoredLabel;
		}
		previous = w;
	}
	return out;
}
