/**
 * The rule layer over the part-of-speech tagger. It receives sentences of terms (text, offsets,
 * the tagger's tags, the punctuation around each term), groups capitalised terms into candidate
 * names and types each candidate from structural evidence: titles, heads of organisation and
 * place names, first-name and surname lists, acronyms, the preposition before it, and the
 * tagger's own Person / Place / Organization tags. It does not depend on `compromise`, so it can
 * be tested on hand-built terms and reused with another tagger.
 */

import type { EntitySpan, EntityType } from './types';
import {
	capitalisedNonNames,
	miscWords,
	countryAbbreviations,
	extraPlaces,
	teamVerbsAfter,
	teamWordsBefore,
	locationHeads,
	locationOpeners,
	looseConnectors,
	miscHeads,
	nameConnectors,
	organizationHeads,
	personTitles,
	placePrepositions,
	titleModifiers,
	weakOrganizationHeads,
} from './lexicon';

/** One word as the part-of-speech tagger saw it. */
export interface Term {
	text: string;
	/** UTF-16 offset of `text` in the tagged string. */
	start: number;
	end: number;
	/** The tagger's tags (compromise's names: Person, Place, Organization, ProperNoun, Verb…). */
	tags: ReadonlySet<string>;
	/** Punctuation and spaces before and after the term. */
	pre: string;
	post: string;
}

/** Lookups for first names and surnames (lowercase), and for ordinary words. */
export interface NameLists {
	firstNames: ReadonlySet<string>;
	lastNames: ReadonlySet<string>;
	/**
	 * Whether a lowercase word is an ordinary dictionary word. Decides whether a capitalised
	 * sentence opener the tagger does not know as a name may still be one ("Megawati has…").
	 */
	isKnownWord?: (lower: string) => boolean;
	/**
	 * The tagger's out-of-context tag for a lowercase word (compromise's lexicon: Country, City,
	 * Demonym…). Context can override the tagger ("the England captain"), a gazetteer entry cannot.
	 */
	lexiconTag?: (lower: string) => string | undefined;
}

const placeLexiconTags = new Set(['Country', 'City', 'Region', 'Place', 'Address']);
// Nationality adjectives by their suffix ("Kurdish", "Burmese", "Bolivian", "Korean").
const demonymShape = /^\p{Lu}\p{Ll}+(?:ish|ese|ian|ean)$/u;

const personTags = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];
const placeTags = ['Place', 'Country', 'City', 'Region', 'Address'];
const organizationTags = ['Organization', 'SportsTeam', 'Company', 'School'];
// Tags that say a capitalised word is an ordinary word (a sentence opener, a headline verb).
const functionTags = ['Verb', 'Adverb', 'Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Adjective', 'Value', 'Date', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula', 'Negative', 'Expression'];

const upperStart = /^\p{Lu}/u;
const hasLower = /\p{Ll}/u;
const hasLetter = /\p{L}/u;
const hasDigit = /\p{N}/u;
const possessive = /['’]s?$/u;
// Punctuation after a term that ends a name: a period ends it unless the term is an abbreviation.
const breakingPost = /[,;:!?()[\]{}"“”«»]|\s[-–—]\s?|[-–—]\s|\.\s*$/u;
const breakingPre = /[()[\]{}"“”«»]/u;

interface Info {
	term: Term;
	lower: string;
	/** Capitalised or in a headline, and not a plain word: may be part of a name. */
	nameLike: boolean;
	acronym: boolean;
	initial: boolean;
	sentenceInitial: boolean;
	person: boolean;
	place: boolean;
	organization: boolean;
	demonym: boolean;
	/** A country, not a town or region: national sides keep the country's type. */
	country: boolean;
	/** Directly after an opening parenthesis. */
	parenthesised: boolean;
	/** The sentence is a row of a results table ("Leeds 2 Derby 1", "Stoke 4 3 1 0"). */
	scoreLine: boolean;
	/** Joined by a hyphen to another capitalised word ("Arab-Israeli"). */
	compound: boolean;
	/** After a verb of motion and "to" ("walked to X"), where X is a destination. */
	destination: boolean;
	connector: boolean;
	breaksAfter: boolean;
}

const hasAny = (tags: ReadonlySet<string>, names: readonly string[]) => names.some((n) => tags.has(n));

function bare(text: string): string {
	return text.toLowerCase().replace(possessive, '').replace(/\.$/u, '');
}

/** A sentence written in capitals (a headline) carries no capitalisation evidence. */
function isHeadline(terms: readonly Term[]): boolean {
	let words = 0;
	let upper = 0;
	for (const t of terms) {
		if (!hasLetter.test(t.text)) continue;
		words++;
		if (!hasLower.test(t.text)) upper++;
	}
	return words >= 3 && upper / words >= 0.8;
}

/** Whether a term reads as a surname or an unknown word, as after a sentence-initial first name. */
function nextIsNameWord(next: Term, names: NameLists): boolean {
	const lower = bare(next.text);
	return names.lastNames.has(lower) || hasAny(next.tags, personTags) || !(names.isKnownWord?.(lower) ?? true);
}

/** A line of results: at least two numbers, and no fewer numbers than half its words. */
function isScoreLine(terms: readonly Term[]): boolean {
	let numbers = 0;
	let words = 0;
	for (const t of terms) {
		if (/^\d[\d.,:/-]*$/u.test(t.text)) numbers++;
		else if (hasLetter.test(t.text)) words++;
	}
	return numbers >= 2 && numbers * 2 >= words;
}

function describe(terms: readonly Term[], names: NameLists): Info[] {
	const headline = isHeadline(terms);
	const scoreLine = isScoreLine(terms);
	const infos: Info[] = [];
	let sentenceInitial = true;
	for (let i = 0; i < terms.length; i++) {
		const term = terms[i];
		const text = term.text;
		const lower = bare(text);
		const tags = term.tags;
		const letters = hasLetter.test(text);
		const capital = upperStart.test(text);
		const allCaps = letters && !hasLower.test(text);
		const initial = /^\p{Lu}\.?$/u.test(text) && (term.post.startsWith('.') || text.endsWith('.'));
		const nextCapital = i + 1 < terms.length && upperStart.test(terms[i + 1].text) && hasLower.test(terms[i + 1].text);
		const known = names.isKnownWord?.(lower) ?? false;
		const country = countryAbbreviations.has(lower);
		// A capitalised dictionary word ("DIVISION") is emphasis, not an acronym.
		const acronym = !headline && allCaps && !initial && !country && !known && text.replace(/[.&]/g, '').length >= 2;
		const person = hasAny(tags, personTags);
		const lexiconTag = names.lexiconTag?.(lower);
		const place = (hasAny(tags, placeTags) && !tags.has('Organization')) || extraPlaces.has(lower) || country || (lexiconTag !== undefined && placeLexiconTags.has(lexiconTag));
		const organization = hasAny(tags, organizationTags) && !country;
		const demonym = tags.has('Demonym') || tags.has('Language') || lexiconTag === 'Demonym' || miscWords.has(lower) || (demonymShape.test(text) && !names.firstNames.has(lower));
		const listed = names.firstNames.has(lower) || names.lastNames.has(lower);
		const functional = hasAny(tags, functionTags) && !tags.has('ProperNoun') && !person && !place && !organization;
		const connector = !capital && nameConnectors.has(lower);
		let nameLike = false;
		const clitic = /['’]$/u.test(term.pre) && /^\p{L}{1,2}$/u.test(text);
		if (clitic) {
			nameLike = false;
		} else if (initial && !headline) {
			// "J. R. Ewing", "M. Waugh": an initial before a capitalised word is part of a name.
			nameLike = nextCapital || (i + 1 < terms.length && /^\p{Lu}\.?$/u.test(terms[i + 1].text));
		} else if (letters && !hasDigit.test(text) && !capitalisedNonNames.has(lower) && !connector) {
			if (headline || (allCaps && known && !country)) {
				// Single letters in a headline are table headings ("W L PCT"), not initials.
				nameLike = !functional && text.replace(/\./gu, '').length > 1 && (person || place || organization || demonym || tags.has('ProperNoun') || listed || tags.has('Acronym'));
			} else if (capital) {
				// A capital at the start of a sentence is spelling, not evidence: there the word
				// must be known as a name, be unknown to the tagger (which calls it ProperNoun), or
				// be no dictionary word at all.
				nameLike = sentenceInitial
					? (!functional && (person || place || organization || demonym || tags.has('ProperNoun') || !(names.isKnownWord?.(lower) ?? true))) ||
						(names.firstNames.has(lower) && nextCapital && nextIsNameWord(terms[i + 1], names)) ||
						// The tagger's part of speech for a word in no dictionary is a guess from its
						// ending ("Frodo Baggins left"); a capitalised word after it outweighs that.
						(!(names.isKnownWord?.(lower) ?? true) && nextCapital)
					: true;
			}
		}
		// Hyphenated compounds whose tail is lowercase ("Dallas-based", "Hong Kong-based") are
		// adjectives, not names: the whole name before the hyphen goes.
		if (nameLike && /^[-‐‑]$/u.test(term.post) && i + 1 < terms.length && !upperStart.test(terms[i + 1].text)) {
			nameLike = false;
			for (let k = infos.length - 1; k >= 0 && infos[k].nameLike && !infos[k].breaksAfter; k--) infos[k].nameLike = false;
		}
		// A compound with a nationality ("Arab-Israeli", "Anglo-French") describes, it does not name.
		const joinedBefore = i > 0 && /^[-‐‑]$/u.test(terms[i - 1].post);
		const joinedAfter = /^[-‐‑]$/u.test(term.post) && i + 1 < terms.length;
		const compound = joinedBefore || joinedAfter;
		const abbreviation = initial || personTitles.has(lower) || organizationHeads.has(lower) || locationHeads.has(lower) || locationOpeners.has(lower) || (acronym && text.includes('.'));
		const post = abbreviation ? term.post.replace(/^\./u, '') : term.post;
		const breaksAfter = breakingPost.test(post) || (i + 1 < terms.length && breakingPre.test(terms[i + 1].pre));
		const isCountry = country || tags.has('Country') || extraPlaces.has(lower);
		const destination = i >= 2 && terms[i - 1].text.toLowerCase() === 'to' && motionVerbs.has(terms[i - 2].text.toLowerCase());
		const parenthesised = /\(\s*$/u.test(term.pre) || (i > 0 && /\(\s*$/u.test(terms[i - 1].post));
		infos.push({ term, lower, nameLike, acronym, initial, sentenceInitial, person, place, organization, demonym, country: isCountry, parenthesised, scoreLine, compound, destination, connector, breaksAfter });
		// Quotes, dashes and colons open a new clause whose first word is capitalised anyway.
		sentenceInitial = !letters || /[:"“«]|\s[-–—]\s/u.test(term.post) || (i + 1 < terms.length && /["“«(]/u.test(terms[i + 1].pre));
		if (!letters && /^[,;]$/u.test(text)) sentenceInitial = false;
	}
	return infos;
}

/** Maximal runs of name-like terms, with connectors allowed between two name-like terms. */
function candidateRuns(infos: readonly Info[]): Info[][] {
	const runs: Info[][] = [];
	let run: Info[] = [];
	const close = () => {
		if (run.length) runs.push(run);
		run = [];
	};
	for (let i = 0; i < infos.length; i++) {
		const info = infos[i];
		if (info.nameLike) {
			run.push(info);
			if (info.breaksAfter) close();
			continue;
		}
		const next = infos[i + 1];
		if (run.length && info.connector && !info.breaksAfter && next?.nameLike) {
			run.push(info);
			continue;
		}
		close();
	}
	close();
	return runs;
}

const generationalSuffixes = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const speechVerbs = new Set(['said', 'says', 'told', 'added', 'asked', 'replied', 'wrote', 'explained', 'insisted', 'argued', 'noted', 'warned', 'announced', 'declared', 'admitted']);
const relativePronouns = new Set(['who', 'whom', 'whose']);
const motionVerbs = new Set(['went', 'go', 'goes', 'going', 'gone', 'walked', 'travelled', 'traveled', 'flew', 'fly', 'moved', 'returned', 'drove', 'sailed', 'came', 'come', 'headed', 'fled', 'rode', 'journeyed', 'emigrated', 'migrated', 'relocated', 'back']);
const isTitle = (info: Info) => personTitles.has(info.lower);
const isTitlePart = (info: Info) => isTitle(info) || titleModifiers.has(info.lower);

/** Splits a run at loose connectors ("of", "and") unless a head word makes it one name. */
function splitAtConnectors(run: Info[], names: NameLists): Info[][] {
	const loose = run.some((info) => info.connector && looseConnectors.has(info.lower));
	if (!loose) return [run];
	const parts: Info[][] = [[]];
	for (const info of run) {
		if (info.connector && looseConnectors.has(info.lower)) parts.push([]);
		else parts[parts.length - 1].push(info);
	}
	const headBeforeJoin = parts.slice(0, -1).some((part) => {
		const last = part[part.length - 1];
		return last && (organizationHeads.has(last.lower) || locationHeads.has(last.lower) || locationOpeners.has(last.lower));
	});
	const lastPart = parts[parts.length - 1];
	const headAtEnd = lastPart.length > 0 && organizationHeads.has(lastPart[lastPart.length - 1].lower) && !weakOrganizationHeads.has(lastPart[lastPart.length - 1].lower);
	const opener = run[0] && locationOpeners.has(run[0].lower);
	// "John Casesa of Schroder Wertheim & Co": a person of an organisation, two names.
	const personFirst = parts.length > 1 && parts[0].some((info) => info.person || names.firstNames.has(info.lower));
	if (headBeforeJoin || opener || (headAtEnd && !personFirst)) return [run];
	if (headAtEnd && personFirst) {
		const cut = run.findIndex((info) => info.connector && looseConnectors.has(info.lower));
		return [run.slice(0, cut), run.slice(cut + 1)];
	}
	return parts.filter((part) => part.length > 0);
}

/** Cuts titles off a run: "President Bill Clinton" → "Bill Clinton", typed PER by the title. */
function splitTitles(run: Info[], before: Info | undefined, names: NameLists): { parts: Info[][]; titled: boolean[] } {
	// A title inside the run ("German Chancellor Helmut Kohl") starts the person's name after it.
	let lastTitle = -1;
	for (let k = 0; k < run.length - 1; k++) {
		const rest = run.slice(k + 1);
		if (!isTitle(run[k]) || rest.some((info) => organizationHeads.has(info.lower) || locationHeads.has(info.lower))) continue;
		// After a first name a title word is a surname ("Martin Luther King Jr."), and a title needs
		// a name after it, not only a generational suffix.
		const previous = run[k - 1];
		if (previous && !isTitlePart(previous) && (previous.person || names.firstNames.has(previous.lower))) continue;
		if (rest.every((info) => generationalSuffixes.has(info.lower))) continue;
		lastTitle = k;
	}
	if (lastTitle < 0) {
		// "American Dennis Mitchell": a nationality before a person's name is not part of it.
		const rest = run.slice(1);
		if (run.length > 1 && run[0].demonym && !rest.some((info) => info.demonym) && (rest[0].person || names.firstNames.has(rest[0].lower) || rest[0].initial)) {
			return { parts: [[run[0]], rest], titled: [false, false] };
		}
		const titledBefore = before !== undefined && isTitle(before) && !before.nameLike;
		return { parts: [run], titled: [titledBefore] };
	}
	let titleStart = lastTitle;
	while (titleStart > 0 && isTitlePart(run[titleStart - 1])) titleStart--;
	const parts: Info[][] = [];
	const titled: boolean[] = [];
	if (titleStart > 0) {
		parts.push(run.slice(0, titleStart));
		titled.push(false);
	}
	parts.push(run.slice(lastTitle + 1));
	titled.push(true);
	return { parts, titled };
}

function classify(part: Info[], titled: boolean, before: Info | undefined, after: Info | undefined, names: NameLists): [EntityType, string] | undefined {
	const words = part.filter((info) => !info.connector);
	if (words.length === 0) return undefined;
	const first = words[0];
	const last = words[words.length - 1];
	if (words.every(isTitlePart)) return undefined;

	if (organizationHeads.has(last.lower) && (words.length > 1 || !weakOrganizationHeads.has(last.lower)) && !last.person) return ['ORG', 'org-head'];
	// "Bank of Canada", "Gulf of Mexico": the head stands before "of".
	const of = part.findIndex((info) => info.connector && info.lower === 'of');
	if (of > 0) {
		const head = part[of - 1].lower;
		if (organizationHeads.has(head) && !weakOrganizationHeads.has(head)) return ['ORG', 'org-head'];
		if (locationHeads.has(head) || locationOpeners.has(part[0].lower)) return ['LOC', 'loc-head'];
	}
	if (words.length > 1 && (locationHeads.has(last.lower) || locationOpeners.has(first.lower))) return ['LOC', 'loc-head'];
	if (words.length > 1 && miscHeads.has(last.lower)) return ['MISC', 'misc-head'];
	if (titled) return ['PER', 'title'];
	// "the Braves", "the Florida Marlins": a plural name after "the" is a team, a band, a group.
	const plural = /\p{Ll}s$/u.test(last.term.text) && !/ss$/u.test(last.lower) && !last.place && !last.person && !last.country;
	if (plural && before !== undefined && before.lower === 'the' && !words.some((info) => info.demonym)) return ['ORG', 'plural-group'];
	if (words.every((info) => info.demonym)) return ['MISC', 'demonym'];
	if (words.some((info) => info.compound) && words.some((info) => info.demonym)) return ['MISC', 'compound'];
	if (words.some((info) => info.organization)) return ['ORG', 'tagger-org'];
	// A place (or a name with no evidence of a person) that scores or plays is a team: "Essex beat
	// Kent", "Leeds 2 Derby 1", "v Durham". Countries stay places: annotation guides (CoNLL's
	// among them) type national sides by the country.
	const scores = after !== undefined && /^\d{1,3}(?:-\d{1,3})?$/u.test(after.term.text) && !/[(]/u.test(last.term.post);
	const plays = scores || (after !== undefined && teamVerbsAfter.has(after.lower)) || (before !== undefined && teamWordsBefore.has(before.lower));
	const personLike = words.some((info) => info.person || info.initial) || names.firstNames.has(first.lower);
	// "beat Mikael Tillstrom ( Sweden )": a name with a nationality in brackets is an athlete.
	const nationalityAfter = after !== undefined && after.parenthesised && after.country;
	const team = plays && !first.parenthesised && !nationalityAfter && !personLike && !words.some((info) => info.country);
	// In a results table a name with no sign of a person, followed by a number, is a side.
	if (scores && first.scoreLine && !first.parenthesised && !personLike && !words.some((info) => info.country || info.demonym || names.firstNames.has(info.lower))) return ['ORG', 'team'];
	if (words.every((info) => info.place)) {
		if (team) return ['ORG', 'team'];
		// "in Washington" stays a place whoever else is called Washington (see harmoniseSpans).
		return before !== undefined && placePrepositions.has(before.lower) ? ['LOC', 'tagger-place-in'] : ['LOC', 'tagger-place'];
	}
	// A news dateline: a place in capitals opening the text, before the date or the agency
	// ("TOFTIR 1996-08-31", "WASHINGTON (AP) -").
	const capitals = words.every((info) => !hasLower.test(info.term.text));
	const beforeDate = after !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(after.term.text);
	const beforeAgency = after !== undefined && (/\(\s*$/u.test(last.term.post) || /\(\s*$/u.test(after.term.pre)) && /^\s*\)/u.test(after.term.post) && upperStart.test(after.term.text);
	if (first.sentenceInitial && capitals && (beforeDate || beforeAgency) && !words.some((info) => info.person || info.organization)) return ['LOC', 'dateline'];
	if (words.length === 1 && first.acronym) return ['ORG', 'acronym'];
	if (words.some((info) => info.person)) return ['PER', 'tagger-person'];
	const firstName = names.firstNames.has(first.lower) || first.initial;
	const lastName = names.lastNames.has(last.lower);
	// A listed surname after an ordinary word ("Great Hall", "Town Hall") is no evidence.
	const plainOpener = !firstName && (names.isKnownWord?.(first.lower) ?? false) && !names.lastNames.has(first.lower);
	if (words.length >= 2 && (firstName || (lastName && !plainOpener))) return ['PER', 'name-list-pair'];
	// A name that only contains a place ("Air France", "Dynamo Moscow", "London Newsroom") is named after it.
	if (words.some((info) => info.place)) return ['ORG', 'named-after-place'];
	if ((before && placePrepositions.has(before.lower)) || first.destination) return ['LOC', 'place-preposition'];
	if (words.some((info) => info.demonym)) return ['MISC', 'demonym-part'];
	// A lone listed name that is also a dictionary word ("Battle", "Duke", "Rose") needs more.
	const ordinary = words.length === 1 && (names.isKnownWord?.(first.lower) ?? false);
	// It stays only if the text names that person more clearly elsewhere (see harmoniseSpans).
	if (firstName || (lastName && !plainOpener)) return ['PER', ordinary ? 'name-list-ordinary' : 'name-list'];
	// An unknown capitalised word in mid-sentence that is not an acronym, a place or a date is,
	// in running text, most often somebody's name.
	// Dictionary words in capitals ("Men 's singles", "Use of Proceeds") are headings, not names.
	const unknownWord = words.some((info) => !(names.isKnownWord?.(info.lower) ?? false) && info.lower.length > 1);
	// Score lines also list players with their runs or times, so only fixtures decide here.
	const fixture = (after !== undefined && teamVerbsAfter.has(after.lower)) || (before !== undefined && teamWordsBefore.has(before.lower));
	// At the start of a sentence the capital says nothing, unless the opener is no dictionary word
	// and another capitalised word follows ("Kwame Mensah has joined…").
	const openerIsName = first.sentenceInitial && words.length >= 2 && !(names.isKnownWord?.(first.lower) ?? true);
	if ((!first.sentenceInitial || openerIsName) && !words.some((info) => info.acronym)) {
		if (fixture && !first.parenthesised && !nationalityAfter && !personLike) return ['ORG', 'team'];
		if (unknownWord) return ['PER', 'unknown-capitalised'];
	}
	if (first.sentenceInitial && unknownWord && !first.acronym) {
		// "Lebed said…", "Tarango, who…": a speaker or a relative clause after a bare opener.
		if (after !== undefined && (speechVerbs.has(after.lower) || relativePronouns.has(after.lower))) return ['PER', 'speaker'];
		// Otherwise only another mention of the same word in the text can tell (harmoniseSpans).
		return ['PER', 'opener-unknown'];
	}
	return undefined;
}

function toSpan(part: Info[], [type, rule]: [EntityType, string], text: string): EntitySpan | undefined {
	let lo = 0;
	let hi = part.length - 1;
	while (lo <= hi && part[lo].connector) lo++;
	while (hi >= lo && part[hi].connector) hi--;
	if (lo > hi) return undefined;
	const start = part[lo].term.start;
	let end = part[hi].term.end;
	const lastText = part[hi].term.text;
	// The possessive belongs to the sentence, not the name: "Holmes's hat" names "Holmes".
	const clitic = /['’]s$/u.exec(lastText) ?? /(?<=s)['’]$/u.exec(lastText);
	if (clitic && lastText.length > clitic[0].length) end -= clitic[0].length;
	return { start, end, type, text: text.slice(start, end), source: 'tagger', rule };
}

/**
 * Entity spans for sentences of terms whose offsets index into `text`. With `harmonise: false`
 * the spans are left as the sentence rules typed them, candidates included (rules
 * `opener-unknown`, `name-list-ordinary`), for a caller that harmonises a longer text itself.
 */
export function entitiesFromTerms(sentences: readonly (readonly Term[])[], text: string, names: NameLists, options: { harmonise?: boolean } = {}): EntitySpan[] {
	const spans: EntitySpan[] = [];
	for (const sentence of sentences) {
		const infos = describe(sentence, names);
		for (const run of candidateRuns(infos)) {
			const index = infos.indexOf(run[0]);
			const before = index > 0 ? infos[index - 1] : undefined;
			for (const piece of splitAtConnectors(run, names)) {
				const { parts, titled } = splitTitles(piece, piece[0] === run[0] ? before : undefined, names);
				parts.forEach((part, k) => {
					const partBefore = k === 0 ? (piece[0] === run[0] ? before : undefined) : undefined;
					const tail = part[part.length - 1];
					const partAfter = tail === run[run.length - 1] ? infos[infos.indexOf(tail) + 1] : undefined;
					const type = classify(part, titled[k], partBefore, partAfter, names);
					const span = type && toSpan(part, type, text);
					if (span) spans.push(span);
				});
			}
		}
	}
	return options.harmonise === false ? spans : harmoniseSpans(spans);
}

/** Adds one to the count of `type` for the mention `key`. */
function countType(tallies: Map<string, Map<EntityType, number>>, key: string, type: EntityType): void {
	const tally = tallies.get(key) ?? new Map<EntityType, number>();
	tally.set(type, (tally.get(type) ?? 0) + 1);
	tallies.set(key, tally);
}

// Rules whose evidence is inside or right beside the mention cast votes; the guesses in
// `guessRules` (no evidence but the capital, a name list or an acronym's shape) take the vote.
const strongRules = new Set(['speaker', 'title', 'org-head', 'loc-head', 'misc-head', 'team', 'tagger-person', 'tagger-org', 'tagger-place', 'tagger-place-in', 'demonym', 'name-list-pair', 'dateline']);
const guessRules = new Set(['unknown-capitalised', 'name-list', 'acronym']);

const mentionKey = (text: string) => text.toLowerCase().replace(/['’]s?$/u, '').replace(/\s+/gu, ' ');

/**
 * One sense per text: a name typed on weak evidence takes the type that well-evidenced mentions
 * of the same name have elsewhere in the text ("Rotor" after "Rotor Volgograd beat…", "Magna"
 * after "Magna International Inc"), and a lone word that is part of a well-evidenced person's
 * name is that person ("Duran" after "Roberto Duran"). A lone dictionary word that is also a
 * listed name ("Battle", "Rose") is kept only when the text names that person elsewhere, and a
 * place name that was earlier given as a person's surname is that person, and one that plays
 * as a team elsewhere in the text is that team (except after "in", "at", …). Spans
 * keep their offsets; only types (and the rule, suffixed `+text`) change.
 */
export function harmoniseSpans(spans: readonly EntitySpan[]): EntitySpan[] {
	const out: EntitySpan[] = [];
	const votes = new Map<string, Map<EntityType, number>>();
	const personWords = new Set<string>();
	// Where each well-evidenced person's surname was first given with the full name.
	const surnameFrom = new Map<string, number>();
	// Places that play as teams somewhere in the text ("Essex beat Kent" … "Essex closed on 372").
	const teams = new Set(spans.filter((span) => span.rule === 'team').map((span) => mentionKey(span.text)));
	const organizationFirstWords = new Set<string>();
	// Guessed types of other mentions, for openers that have no evidence at all.
	const guesses = new Map<string, Map<EntityType, number>>();
	for (const span of spans) {
		if (!span.rule || !guessRules.has(span.rule)) continue;
		countType(guesses, mentionKey(span.text), span.type);
	}
	for (const span of spans) {
		if (!span.rule || !strongRules.has(span.rule)) continue;
		const key = mentionKey(span.text);
		countType(votes, key, span.type);
		const parts = key.split(' ');
		if (parts.length > 1 && span.type === 'PER') {
			for (const part of parts) personWords.add(part);
			const surname = parts[parts.length - 1];
			surnameFrom.set(surname, Math.min(surnameFrom.get(surname) ?? Infinity, span.start));
		}
		if (parts.length > 1 && span.type === 'ORG') organizationFirstWords.add(parts[0]);
	}
	for (const span of spans) {
		const resolved = resolve(span);
		if (resolved) out.push(resolved);
	}
	return out;

	function resolve(span: EntitySpan): EntitySpan | undefined {
		if (span.rule === 'opener-unknown') {
			const tally = votes.get(mentionKey(span.text)) ?? guesses.get(mentionKey(span.text));
			let type: EntityType | undefined;
			let best = 0;
			for (const [candidate, count] of tally ?? []) {
				if (count > best) {
					best = count;
					type = candidate;
				}
			}
			if (!type && personWords.has(mentionKey(span.text))) type = 'PER';
			return type ? { ...span, type, rule: 'opener-unknown+text' } : undefined;
		}
		if (span.rule === 'name-list-ordinary') {
			// A dictionary word that is also a listed name is a name only if the text says so elsewhere.
			const key = mentionKey(span.text);
			const tally = votes.get(key);
			return (tally && (tally.get('PER') ?? 0) > 0) || personWords.has(key) ? { ...span, rule: 'name-list+text' } : undefined;
		}
		// After "MaliVai Washington", a bare "Washington" is that player, not the city.
		if (span.rule === 'tagger-place' && (surnameFrom.get(mentionKey(span.text)) ?? Infinity) < span.start) {
			return { ...span, type: 'PER', rule: 'tagger-place+text' };
		}
		if (span.rule === 'tagger-place' && teams.has(mentionKey(span.text))) return { ...span, type: 'ORG', rule: 'tagger-place+team' };
		if (!span.rule || !guessRules.has(span.rule)) return span;
		const key = mentionKey(span.text);
		const tally = votes.get(key);
		let type: EntityType | undefined;
		if (tally) {
			let best = 0;
			for (const [candidate, count] of tally) {
				if (count > best) {
					best = count;
					type = candidate;
				}
			}
		} else if (!key.includes(' ')) {
			if (personWords.has(key)) type = 'PER';
			else if (organizationFirstWords.has(key)) type = 'ORG';
		}
		return type && type !== span.type ? { ...span, type, rule: `${span.rule}+text` } : span;
	}
}
