/**
 * The offline named-entity tagger: `compromise` (part-of-speech tags, its own person / place /
 * organisation lexicon) under the rule layer of rules.ts. `compromise` takes hundreds of
 * milliseconds to load, so nothing here imports it at module load: `createTagger` does, once.
 */

import type { EntitySpan } from './types';
import { entitiesFromTerms, harmoniseSpans, type NameLists, type Term } from './rules';
import { splitChunks } from './chunks';
import { defaultWords } from '../defaultVocabulary';

/** The part of compromise's API the tagger uses (its JSON output with offsets). */
interface CompromiseTermJson {
	text: string;
	pre: string;
	post: string;
	tags: string[];
	offset: { start: number; length: number };
}
interface CompromiseView {
	json(options: { offset: boolean }): { terms: CompromiseTermJson[] }[];
}
interface Compromise {
	(text: string): CompromiseView;
	model(): { one: { lexicon: Record<string, unknown> } };
}

export interface TagChunksOptions {
	/** Largest piece handed to the tagger at once, in UTF-16 code units (default 1,000: ~15 ms of CPU warm). */
	maxChars?: number;
	/**
	 * Called after each piece with the characters labelled so far and the piece's spans. These are
	 * provisional: the result, made consistent over the whole text, may retype, add or drop a
	 * weakly evidenced name to agree with the rest.
	 */
	onProgress?: (progress: { done: number; total: number; spans: readonly EntitySpan[] }) => void;
	/** Stops between pieces; the returned promise rejects with the signal's reason. */
	signal?: AbortSignal;
}

export interface Tagger {
	/** Entity spans of `text`, offsets into `text`. Synchronous: use `tagChunks` for long text. */
	tag(text: string): EntitySpan[];
	/**
	 * Labels `text` a piece at a time (cut at line and sentence ends), yielding to the event loop
	 * between pieces so a worker stays responsive to cancellation. Offsets index the whole text.
	 */
	tagChunks(text: string, options?: TagChunksOptions): Promise<EntitySpan[]>;
}

let loading: Promise<Tagger> | undefined;

/** Loads compromise and the name lists (once per process) and returns the tagger. */
export function createTagger(): Promise<Tagger> {
	loading ??= load().catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

async function load(): Promise<Tagger> {
	// compromise/two is the tagger without the phrase-level API of the full build: same tags, ~60 KB less.
	const [compromise, data] = await Promise.all([import('compromise/two'), import('../data/names')]);
	const nlp = ((compromise as { default?: unknown }).default ?? compromise) as Compromise;
	const lexicon = nlp.model().one.lexicon;
	const common = new Set(defaultWords());
	const names: NameLists = {
		firstNames: new Set(data.firstNameList.split('\n')),
		lastNames: new Set(data.lastNameList.split('\n')),
		isKnownWord: (lower) => common.has(lower) || Object.prototype.hasOwnProperty.call(lexicon, lower),
		lexiconTag: (lower) => {
			const tag = Object.prototype.hasOwnProperty.call(lexicon, lower) ? lexicon[lower] : undefined;
			return typeof tag === 'string' ? tag : undefined;
		},
	};
	return new CompromiseTagger(nlp, names);
}

class CompromiseTagger implements Tagger {
	constructor(
		private readonly nlp: Compromise,
		private readonly names: NameLists,
	) {}

	tag(text: string): EntitySpan[] {
		return harmoniseSpans(this.candidates(text));
	}

	/** The sentence rules' spans before the text-wide consistency pass. */
	private candidates(text: string): EntitySpan[] {
		if (!/\p{L}/u.test(text)) return [];
		const sentences = this.nlp(text)
			.json({ offset: true })
			.map((sentence) => toTerms(sentence.terms, text));
		return entitiesFromTerms(sentences, text, this.names, { harmonise: false });
	}

	async tagChunks(text: string, options: TagChunksOptions = {}): Promise<EntitySpan[]> {
		const chunks = splitChunks(text, options.maxChars ?? 1000);
		const all: EntitySpan[] = [];
		for (const chunk of chunks) {
			options.signal?.throwIfAborted();
			const spans = this.candidates(text.slice(chunk.start, chunk.end)).map((span) => ({
				...span,
				start: span.start + chunk.start,
				end: span.end + chunk.start,
			}));
			all.push(...spans);
			options.onProgress?.({ done: chunk.end, total: text.length, spans: harmoniseSpans(spans) });
			// A macrotask boundary, so messages (cancel, new work) are handled between pieces.
			await new Promise<void>((resolve) => setTimeout(resolve, 0));
		}
		options.signal?.throwIfAborted();
		// Consistency is decided over the whole text, as tag() does for its text.
		return harmoniseSpans(all);
	}
}

/** compromise's terms with offsets checked against the source (it can normalise some characters). */
function toTerms(terms: readonly CompromiseTermJson[], text: string): Term[] {
	const out: Term[] = [];
	let cursor = 0;
	for (const t of terms) {
		let start = t.offset.start;
		let end = start + t.text.length;
		if (text.slice(start, end) !== t.text) {
			const found = text.indexOf(t.text, cursor);
			if (found < 0) continue;
			start = found;
			end = found + t.text.length;
		}
		cursor = end;
		out.push({ text: t.text, start, end, tags: new Set(t.tags), pre: t.pre, post: t.post });
	}
	return out;
}
