/**
 * Lays CoNLL sentences out as a text to analyse, one sentence per line, with the gold entity
 * spans in that text's offsets: the examples X^(i) and their labels Y^(i) from the file.
 */

import type { ConllSentence } from '../export/conllReader';
import { spansFromTags } from './align';
import { entityTypes, type EntitySpan, type EntityType } from './types';

export interface ConllExamples {
	/** The sentences joined by `\n` (tokens joined by single spaces). */
	text: string;
	/** Each sentence's line: offsets into `text`. */
	lines: { start: number; end: number; sourceLine: number }[];
	/** Gold spans in `text` offsets, source `file`. */
	spans: EntitySpan[];
	/** Entity types outside PER/LOC/ORG/MISC, read as MISC. */
	otherTypes: string[];
}

export function conllToExamples(sentences: readonly ConllSentence[]): ConllExamples {
	const lines: ConllExamples['lines'] = [];
	const spans: EntitySpan[] = [];
	const other = new Set<string>();
	let at = 0;
	for (const sentence of sentences) {
		lines.push({ start: at, end: at + sentence.text.length, sourceLine: sentence.line });
		for (const chunk of spansFromTags(sentence.tags, sentence.starts, sentence.ends)) {
			const known = (entityTypes as readonly string[]).includes(chunk.type);
			if (!known) other.add(chunk.type);
			spans.push({
				start: at + chunk.start,
				end: at + chunk.end,
				type: known ? (chunk.type as EntityType) : 'MISC',
				text: sentence.text.slice(chunk.start, chunk.end),
				source: 'file',
			});
		}
		at += sentence.text.length + 1;
	}
	return { text: sentences.map((s) => s.text).join('\n'), lines, spans, otherTypes: [...other].sort() };
}
