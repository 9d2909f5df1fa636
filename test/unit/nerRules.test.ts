import { strict as assert } from 'node:assert';
import { entitiesFromTerms, harmoniseSpans, type NameLists, type Term } from '../../src/core/ner/rules';
import type { EntitySpan } from '../../src/core/ner/types';

// The rule layer on hand-built terms, without compromise: the tags are what a tagger would say.
function sentence(text: string, tagged: Record<string, string[]> = {}): { text: string; terms: Term[] } {
	const terms: Term[] = [];
	const re = /[\p{L}\p{N}'.]+/gu;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text)) !== null) {
		let word = m[0];
		let post = '';
		if (word.endsWith('.') && word.length > 1 && !/^\p{Lu}\.$/u.test(word)) {
			word = word.slice(0, -1);
			post = '.';
		}
		const start = m.index;
		const after = text.slice(start + m[0].length).match(/^[^\p{L}\p{N}]*/u)?.[0] ?? '';
		terms.push({ text: word, start, end: start + word.length, tags: new Set(tagged[word] ?? []), pre: '', post: post + after });
	}
	return { text, terms };
}

const names: NameLists = {
	firstNames: new Set(['alice', 'john']),
	lastNames: new Set(['smith']),
	isKnownWord: (w) => ['the', 'report', 'met', 'in', 'yesterday', 'thanked', 'for', 'beat', 'on', 'saturday', 'captain'].includes(w),
};

const run = (text: string, tagged: Record<string, string[]> = {}) => {
	const s = sentence(text, tagged);
	return entitiesFromTerms([s.terms], s.text, names).map((e) => `${e.type}:${e.text}:${e.rule}`);
};

describe('NER rule layer', () => {
	it('strips a title and types the rest as a person', () => {
		assert.deepEqual(run('Yesterday Inspector Zog Vantablack met Alice Smith.'), [
			'PER:Zog Vantablack:title',
			'PER:Alice Smith:name-list-pair',
		]);
	});

	it('types by head words: organisation suffixes and place heads', () => {
		assert.deepEqual(run('She met Qorvanta Holdings in Baker Street yesterday.'), ['ORG:Qorvanta Holdings:org-head', 'LOC:Baker Street:loc-head']);
	});

	it('follows the tagger for places, and a place that plays a fixture is a team', () => {
		const tagged = { Leeds: ['Place', 'City'], Derby: ['Place', 'City'] };
		assert.deepEqual(run('On Saturday Leeds beat Derby.', tagged), ['ORG:Leeds:team', 'ORG:Derby:team']);
		assert.deepEqual(run('The report was written in Leeds.', tagged), ['LOC:Leeds:tagger-place-in']);
	});

	it('does not take a capitalised sentence opener that is a dictionary word as a name', () => {
		assert.deepEqual(run('Yesterday the captain thanked Zorvath.', { Yesterday: ['Date'] }), ['PER:Zorvath:unknown-capitalised']);
	});

	it('treats a short all-capital non-word as an acronym (ORG) outside headlines', () => {
		assert.deepEqual(run('The report thanked QXF for the report.'), ['ORG:QXF:acronym']);
	});
});

describe('harmoniseSpans', () => {
	const span = (text: string, type: EntitySpan['type'], rule: string, start = 0): EntitySpan => ({ start, end: start + text.length, type, text, source: 'tagger', rule });

	it('retypes a guessed mention to the type its well-evidenced mentions have', () => {
		const out = harmoniseSpans([span('Rotor', 'ORG', 'team', 0), span('Rotor', 'ORG', 'team', 10), span('Rotor', 'PER', 'unknown-capitalised', 20)]);
		assert.deepEqual(
			out.map((s) => `${s.type}:${s.rule}`),
			['ORG:team', 'ORG:team', 'ORG:unknown-capitalised+text'],
		);
	});

	it('makes a place that plays as a team elsewhere in the text that team', () => {
		const out = harmoniseSpans([span('Essex', 'ORG', 'team', 0), span('Essex', 'LOC', 'tagger-place', 20), span('Essex', 'LOC', 'tagger-place-in', 40)]);
		assert.deepEqual(
			out.map((s) => s.type),
			['ORG', 'ORG', 'LOC'],
		);
	});

	it('makes a lone word of a well-evidenced person name that person, and leaves strong spans alone', () => {
		const out = harmoniseSpans([span('Hector Camacho', 'PER', 'tagger-person'), span('Camacho', 'ORG', 'acronym', 30), span('Hector', 'LOC', 'tagger-place', 40)]);
		assert.deepEqual(
			out.map((s) => s.type),
			['PER', 'PER', 'LOC'],
		);
	});
});
