#!/usr/bin/env node
// Out-of-vocabulary rate of the default vocabulary on real English prose found on this machine
// (see bench/corpus.mjs: licence texts, Debian's fortune quotations when installed, package
// READMEs). Default options: words tokenizer, lowercase, NFC. No text is stored in the repo.
// Run: node scripts/measure-oov.mjs [--top N] [FILE…]  (files given are measured as one more source)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadCore } from './lib/loadCore.mjs';
import { localProse } from '../bench/corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1));

const core = await loadCore();

const sources = localProse(root);
if (files.length) {
	sources.push({ name: `given files (${files.length})`, files, text: files.map((f) => readFileSync(f, 'utf8')).join('\n\n') });
}

const numeric = /^[\p{N}]/u;
let allTokens = 0;
let allUnknown = 0;
console.log('| source | files | tokens | <UNK> | OOV rate | OOV rate, tokens starting with a letter |');
console.log('|---|---:|---:|---:|---:|---:|');
const details = [];
for (const source of sources) {
	const a = core.analyze(source.text);
	let wordTokens = 0;
	let wordUnknown = 0;
	const missing = new Map();
	for (let t = 0; t < a.length; t++) {
		const text = source.text.slice(a.starts[t], a.ends[t]);
		const isNumber = numeric.test(text);
		if (!isNumber) wordTokens++;
		if (a.unknown[t]) {
			if (!isNumber) wordUnknown++;
			const key = core.normalizeToken(text);
			missing.set(key, (missing.get(key) ?? 0) + 1);
		}
	}
	allTokens += a.length;
	allUnknown += a.unknownCount;
	const pct = (x, n) => `${((100 * x) / Math.max(n, 1)).toFixed(2)} %`;
	console.log(`| ${source.name} | ${source.files.length} | ${a.length.toLocaleString('en')} | ${a.unknownCount.toLocaleString('en')} | ${pct(a.unknownCount, a.length)} | ${pct(wordUnknown, wordTokens)} |`);
	details.push({ name: source.name, missing });
}
console.log(`| all sources | | ${allTokens.toLocaleString('en')} | ${allUnknown.toLocaleString('en')} | ${((100 * allUnknown) / Math.max(allTokens, 1)).toFixed(2)} % | |`);
if (top > 0) {
	for (const { name, missing } of details) {
		const list = [...missing].sort((x, y) => y[1] - x[1]).slice(0, top);
		console.log(`\nMost frequent unknown tokens, ${name}:\n${list.map(([w, n]) => `${w} ${n}`).join(', ')}`);
	}
}
