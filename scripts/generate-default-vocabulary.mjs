#!/usr/bin/env node
// Generates src/core/data/defaultWords.ts, the built-in vocabulary: the 9,999 most frequent
// English words of the OpenSubtitles 2024 frequency list shipped (ODC-BY) in
// @zxcvbn-ts/language-en, after the rule-based filters documented in docs/vocabulary.md.
// The course convention adds <UNK> as entry 10,000. Run: npm run generate:vocabulary
import { createRequire } from 'node:module';
import { writeFileSync, renameSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const wordCount = 9999;

const english = require('@zxcvbn-ts/language-en').dictionary;
const sourceVersion = require('@zxcvbn-ts/language-en/package.json').version;
const subtitles = english['commonWords-en']; // most frequent first
const wikipedia = new Set(english['wikipedia-en']);
const profanity = new Set(require('naughty-words/en.json').map((w) => w.toLowerCase()));

// The source split contractions the way Penn-Treebank tokenizers do ("don" + "'t", "it" + "'s").
// Our tokenizer keeps a contraction whole (an apostrophe between two letters stays inside the
// token), so the generator re-forms contractions from English's closed grammar: which clitic
// attaches to which host. This is a rule of the language, not a list of chosen words.
const contractionGrammar = {
	"n't": ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'could', 'would', 'should', 'must', 'need', 'might'],
	"'s": ['it', 'he', 'she', 'that', 'what', 'who', 'where', 'there', 'here', 'how', 'let'],
	"'m": ['i'],
	"'re": ['you', 'we', 'they', 'what', 'who', 'there'],
	"'ll": ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who'],
	"'ve": ['i', 'you', 'we', 'they', 'could', 'would', 'should', 'might', 'must', 'who'],
	"'d": ['i', 'you', 'he', 'she', 'it', 'we', 'they', 'that', 'there', 'who'],
};
// Irregular n't forms, where the host changes shape.
const irregularNegations = { "can't": 'can', "won't": 'will', "shan't": 'shall', "ain't": 'is' };

// Two frequency lists from the same package: spoken English (OpenSubtitles, the source of
// every word) and written English (the package's Wikipedia list, most frequent first), used
// only to re-rank words of the first (below).
const rank = new Map();
subtitles.forEach((w, i) => {
	if (!rank.has(w)) rank.set(w, i);
});
const writtenRank = new Map();
english['wikipedia-en'].forEach((w, i) => {
	if (!writtenRank.has(w)) writtenRank.set(w, i);
});
const rankOf = (w) => rank.get(w) ?? Infinity;

const reasons = { kept: 0, notAWord: 0, stutter: 0, clitic: 0, abbreviation: 0, profanity: 0, fragment: 0, diacriticVariant: 0, duplicate: 0 };
// A word is what the `words` tokenizer yields as one token, made of lowercase letters (and
// their accents) with single internal apostrophes or hyphens. Numerals are not words: they map
// to <UNK> (as 221B does in the reference example), which also keeps "a" at index 1 in
// code-point order, where digits would sort first.
const wordShape = /^[\p{Ll}\p{M}]+(?:['-][\p{Ll}\p{M}]+)*$/u;
const stripMarks = (w) => w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
// What the source's tokenizer leaves of a host when it splits n't off: "do" + n → "don",
// "can't" → "can", "won't" → "won". A piece that is itself a host of the grammar ("can") is a
// word; the others are fragments unless they are words of their own elsewhere (the written
// list has "won" but not "didn").
const hosts = new Set([...Object.values(contractionGrammar).flat(), ...Object.values(irregularNegations)]);
const stems = new Set([...contractionGrammar["n't"].map((h) => h + 'n'), ...Object.keys(irregularNegations).map((w) => w.slice(0, -2))]);
for (const host of hosts) stems.delete(host);

const candidates = new Map(); // word → rank
const seen = new Set();
/** Runs the filters on one entry of a list; returns the word to keep, or undefined. */
function filter(raw, count) {
	let w = raw.normalize('NFC').toLowerCase();
	if (w.startsWith("'")) {
		if (count) reasons.clitic++;
		return undefined;
	}
	if (/^\p{L}+\.$/u.test(w)) {
		// "mr.", "dr.": the tokenizer drops the period, so the abbreviation is the bare word.
		w = w.slice(0, -1);
		if (count) reasons.abbreviation++;
	}
	if (!wordShape.test(w)) {
		if (count) reasons.notAWord++;
		return undefined;
	}
	// Subtitles transcribe stutters ("i-i", "w-what"): a first part that starts the next one.
	const parts = w.split('-');
	if (parts.length > 1 && parts.slice(0, -1).every((part, k) => parts[k + 1].startsWith(part))) {
		if (count) reasons.stutter++;
		return undefined;
	}
	if (profanity.has(w)) {
		if (count) reasons.profanity++;
		return undefined;
	}
	if (stems.has(w) && !wikipedia.has(w)) {
		if (count) reasons.fragment++;
		return undefined;
	}
	if (w !== stripMarks(w) && (rank.has(stripMarks(w)) || writtenRank.has(stripMarks(w)))) {
		if (count) reasons.diacriticVariant++;
		return undefined;
	}
	return w;
}
for (let i = 0; i < subtitles.length; i++) {
	const w = filter(subtitles[i], true);
	if (w === undefined) continue;
	if (candidates.has(w)) {
		reasons.duplicate++;
		continue;
	}
	candidates.set(w, i);
}
// Written English as a second opinion. Under Zipf's law a word of rank r has a relative
// frequency of about 1/(r + 1). A word in both lists whose written estimate is higher than its
// spoken one is scored by the geometric mean of the two, so words common in writing but
// rarer in dialogue ("consists", "errors", "versions") move up. Words only in the written list
// are not added: that list is encyclopaedic (place and family names, foreign words), and
// adding them displaced everyday words in the measured prose (docs/vocabulary.md).
const spokenRanks = new Map(candidates);
const writtenRanks = new Map();
for (const [raw, i] of writtenRank) {
	const w = filter(raw, false);
	if (w !== undefined && !writtenRanks.has(w)) writtenRanks.set(w, i);
}
const promoted = new Set();
const score = (w) => {
	const spoken = 1 / (spokenRanks.get(w) + 1);
	const written = writtenRanks.has(w) ? 1 / (writtenRanks.get(w) + 1) : 0;
	if (written > spoken) {
		promoted.add(w);
		return Math.sqrt(spoken * written);
	}
	return spoken;
};
// Ranks become positions in the combined order.
[...spokenRanks.keys()]
	.map((w) => ({ w, s: score(w) }))
	.sort((x, y) => y.s - x.s || (x.w < y.w ? -1 : 1))
	.forEach(({ w }, i) => candidates.set(w, i));
for (const w of candidates.keys()) seen.add(w);

const supplied = [];
// English has exactly two one-letter words, and the other letters are used as words too
// (initials, labels such as "plan B", variables); the source lists none (its tokenizer
// dropped single letters). "a" and "i" take the rank of the most frequent word, as both are
// among the most frequent words of any English corpus; the other letters go to the end of the
// ranking, each in alphabetical order, so they displace only the rarest words.
const oneLetterRank = new Map();
for (const word of ['a', 'i']) oneLetterRank.set(word, -1);
for (let c = 0x61; c <= 0x7a; c++) {
	const word = String.fromCharCode(c);
	if (!oneLetterRank.has(word)) oneLetterRank.set(word, -2);
}
for (const [word] of oneLetterRank) {
	// Supplied by this rule whatever the lists say, so each letter appears once.
	candidates.delete(word);
	seen.add(word);
}
const hostRank = (w) => (oneLetterRank.has(w) ? oneLetterRank.get(w) : candidates.get(w) ?? rankOf(w));
const hostKnown = (w) => rank.has(w) || oneLetterRank.has(w);

// Contractions take the rank of their rarer part, so none outranks the words it is made of.
for (const [clitic, hostsOf] of Object.entries(contractionGrammar)) {
	const cliticRank = rankOf(clitic === "n't" ? "'t" : clitic);
	for (const host of hostsOf) {
		const word = host + clitic;
		if (!seen.has(word) && Number.isFinite(cliticRank) && hostKnown(host)) {
			supplied.push({ word, rank: Math.max(hostRank(host), cliticRank) + 0.5 });
			seen.add(word);
		}
	}
}
for (const [word, host] of Object.entries(irregularNegations)) {
	if (!seen.has(word) && hostKnown(host)) {
		supplied.push({ word, rank: Math.max(hostRank(host), rankOf("'t")) + 0.5 });
		seen.add(word);
	}
}
const letters = [...oneLetterRank].filter(([, r]) => r === -2).map(([w]) => w);
for (const word of ['a', 'i']) supplied.push({ word, rank: -1 });
const ranked = [...candidates].map(([word, r]) => ({ word, rank: r }));
const all = [...ranked, ...supplied].sort((x, y) => x.rank - y.rank || (x.word < y.word ? -1 : 1));
const chosen = [...all.slice(0, wordCount - letters.length).map((c) => c.word), ...letters];
reasons.promotedByWrittenList = chosen.filter((w) => promoted.has(w)).length;
if (chosen.length !== wordCount) throw new Error(`only ${chosen.length} words after filtering`);
reasons.kept = chosen.length;

const out = path.join(root, 'src/core/data/defaultWords.ts');
const header = `// Generated by scripts/generate-default-vocabulary.mjs from @zxcvbn-ts/language-en@${sourceVersion}
// (OpenSubtitles 2024 word frequencies via OPUS, ODC-BY; see NOTICE.md), re-ranked with the same
// package's Wikipedia word list (docs/vocabulary.md). Do not edit by hand.
// Filter counts: ${JSON.stringify(reasons)}; supplied by rules: ${supplied.length} (contractions, a, i) + ${letters.length} letters.
`;
const body = `${header}
/** The ${wordCount} words of the default vocabulary, most frequent first, separated by \\n. */
export const defaultWordsByFrequency =
	${JSON.stringify(chosen.join('\n'))};

export const defaultWordsSource = ${JSON.stringify({
	name: 'OpenSubtitles 2024 word frequencies (via OPUS), from @zxcvbn-ts/language-en ' + sourceVersion,
	license: 'ODC-BY-1.0',
	attribution: 'Data derived from OpenSubtitles via OPUS (https://opus.nlpl.eu/), ODC-BY; processed by zxcvbn-ts.',
})} as const;
`;
const tmp = out + '.tmp';
writeFileSync(tmp, body);
renameSync(tmp, out);
const check = readFileSync(out, 'utf8').length;
console.log(`wrote ${path.relative(root, out)} (${check} bytes): ${JSON.stringify(reasons)}; supplied ${supplied.length} + ${letters.length} letters`);
