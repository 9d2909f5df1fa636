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

const rank = new Map();
subtitles.forEach((w, i) => {
	if (!rank.has(w)) rank.set(w, i);
});
const rankOf = (w) => rank.get(w) ?? Infinity;

const reasons = { kept: 0, notAWord: 0, stutter: 0, clitic: 0, abbreviation: 0, profanity: 0, fragment: 0, diacriticVariant: 0, duplicate: 0 };
// A word is what the `words` tokenizer yields as one token, made of lowercase letters (and
// their accents) with single internal apostrophes or hyphens. Numerals are not words: they map
// to <UNK> (as 221B does in the reference example), which also keeps "a" at index 1 in
// code-point order, where digits would sort first.
const wordShape = /^[\p{Ll}\p{M}]+(?:['-][\p{Ll}\p{M}]+)*$/u;
const stripMarks = (w) => w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const stems = new Set(Object.keys(contractionGrammar).includes("n't") ? contractionGrammar["n't"].map((h) => h + 'n') : []);
for (const host of Object.values(irregularNegations)) stems.add(host === 'will' ? 'won' : host);

const candidates = []; // { word, rank }
const seen = new Set();
for (let i = 0; i < subtitles.length; i++) {
	let w = subtitles[i].normalize('NFC').toLowerCase();
	if (w.startsWith("'")) {
		reasons.clitic++;
		continue;
	}
	if (/^\p{L}+\.$/u.test(w)) {
		// "mr.", "dr.": the tokenizer drops the period, so the abbreviation is the bare word.
		w = w.slice(0, -1);
		reasons.abbreviation++;
	}
	if (!wordShape.test(w)) {
		reasons.notAWord++;
		continue;
	}
	// Subtitles transcribe stutters ("i-i", "w-what"): a first part that starts the next one.
	const parts = w.split('-');
	if (parts.length > 1 && parts.slice(0, -1).every((part, k) => parts[k + 1].startsWith(part))) {
		reasons.stutter++;
		continue;
	}
	if (profanity.has(w)) {
		reasons.profanity++;
		continue;
	}
	// Hosts cut off an n't clitic ("didn", "couldn") are fragments unless they are words of
	// their own elsewhere (encyclopaedic text has "don", "won", "can").
	if (stems.has(w) && !wikipedia.has(w)) {
		reasons.fragment++;
		continue;
	}
	if (w !== stripMarks(w) && rank.has(stripMarks(w))) {
		reasons.diacriticVariant++;
		continue;
	}
	if (seen.has(w)) {
		reasons.duplicate++;
		continue;
	}
	seen.add(w);
	candidates.push({ word: w, rank: i });
}

// Contractions take the rank of their rarer part, so none outranks the words it is made of.
const supplied = [];
for (const [clitic, hosts] of Object.entries(contractionGrammar)) {
	const cliticRank = rankOf(clitic === "n't" ? "'t" : clitic);
	for (const host of hosts) {
		const word = host + clitic;
		if (!seen.has(word) && Number.isFinite(cliticRank) && rank.has(host)) {
			supplied.push({ word, rank: Math.max(rankOf(host), cliticRank) + 0.5 });
			seen.add(word);
		}
	}
}
for (const [word, host] of Object.entries(irregularNegations)) {
	if (!seen.has(word) && rank.has(host)) {
		supplied.push({ word, rank: Math.max(rankOf(host), rankOf("'t")) + 0.5 });
		seen.add(word);
	}
}
// English has exactly two one-letter words; the source lists neither (its tokenizer dropped
// single letters). Each takes the rank of the most frequent word, as both are among the
// most frequent words of any English corpus.
for (const word of ['a', 'i']) {
	if (!seen.has(word)) {
		supplied.push({ word, rank: -1 });
		seen.add(word);
	}
}

const all = [...candidates, ...supplied].sort((x, y) => x.rank - y.rank);
const chosen = all.slice(0, wordCount).map((c) => c.word);
if (chosen.length !== wordCount) throw new Error(`only ${chosen.length} words after filtering`);
reasons.kept = chosen.length;

const out = path.join(root, 'src/core/data/defaultWords.ts');
const header = `// Generated by scripts/generate-default-vocabulary.mjs from @zxcvbn-ts/language-en@${sourceVersion}
// (OpenSubtitles 2024 word frequencies via OPUS, ODC-BY; see NOTICE.md). Do not edit by hand.
// Filter counts: ${JSON.stringify(reasons)}; supplied by grammar rules: ${supplied.length}.
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
console.log(`wrote ${path.relative(root, out)} (${check} bytes): ${JSON.stringify(reasons)}; supplied ${supplied.length}`);
