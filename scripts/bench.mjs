#!/usr/bin/env node
// npm run bench: tokenize (with offsets) + vocabulary lookup, default options, against wink-nlp's
// tokenizer and natural's WordTokenizer on the same text in the same process; then lookup-only
// throughput and the memory of a 1,000,000-token analysis. Builds dist/core.js itself.
// Options: --quick (fewer runs, 2 MB corpus), --json FILE (write the results).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { loadCore } from './lib/loadCore.mjs';
import { generateCorpus, localProse } from '../bench/corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

// Memory figures need an explicit collection between steps: re-run with --expose-gc.
if (typeof globalThis.gc !== 'function') {
	const result = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
	});
	process.exit(result.status ?? 1);
}

const quick = process.argv.includes('--quick');
// --memory-only: the memory measurement alone, in a process that has run nothing else.
const memoryOnly = process.argv.includes('--memory-only');
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
const warmups = quick ? 1 : 3;
const runs = quick ? 3 : 9;

const core = await loadCore({ outfile: path.join(root, 'dist', 'core.js'), sourcemap: true });
const natural = require('natural');
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');

const vocabulary = core.defaultVocabulary();
const inVocabulary = new Set(core.defaultWords());
// Real words ranked below the vocabulary's cut, for the corpus's out-of-vocabulary share.
const sourceWords = require('@zxcvbn-ts/language-en').dictionary['commonWords-en'];
const rareWords = sourceWords.filter((w) => /^\p{Ll}+$/u.test(w) && !inVocabulary.has(w)).slice(0, 20000);


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function settle() {
	globalThis.gc();
	await sleep(50);
	globalThis.gc();
	await sleep(50);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const wordTokenizer = new natural.WordTokenizer();
const wink = winkNLP(winkModel, []); // an empty pipe: tokenization only (wink-nlp ≥ 1.6)
// The words tokenizer's own definition (tokenize.ts wordPattern), as a plain regex.
const wordsRegex = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['\u2019\-\u2010\u2011][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const positions = new Map(vocabulary.entries.map((e, p) => [e, p]));

const contenders = [
	{
		name: 'Sequence Lens analyze() — tokens + offsets + lookup',
		id: 'ours',
		run: (text) => core.analyze(text).length,
	},
	{
		name: 'wink-nlp readDoc, empty pipe (tokenization only)',
		id: 'wink',
		run: (text) => wink.readDoc(text).tokens().length(),
	},
	{
		name: 'natural WordTokenizer (split, no offsets, no lookup)',
		id: 'natural',
		run: (text) => wordTokenizer.tokenize(text).length,
	},
	{
		name: 'baseline: regex exec + normalize + toLowerCase + Map.get',
		id: 'baseline',
		run: (text) => {
			let n = 0;
			let unknown = 0;
			wordsRegex.lastIndex = 0;
			let m;
			while ((m = wordsRegex.exec(text)) !== null) {
				if (positions.get(m[0].normalize('NFC').toLowerCase()) === undefined) unknown++;
				n++;
			}
			return n + unknown * 0;
		},
	},
];

/**
 * Times every contender on `text`, round-robin (each round runs each contender once), so a
 * load change on a shared machine hits all of them alike. Medians of wall and CPU time.
 */
async function benchText(label, text) {
	const samples = contenders.map(() => ({ wall: [], cpu: [], tokens: 0 }));
	for (let round = 0; round < warmups + runs; round++) {
		for (const [k, c] of contenders.entries()) {
			// Start each run from a collected, quiet heap (background sweeping done), so no
			// contender pays for another's garbage.
			await settle();
			const cpu0 = process.cpuUsage();
			const t0 = performance.now();
			samples[k].tokens = c.run(text);
			const wall = performance.now() - t0;
			const cpu = process.cpuUsage(cpu0);
			if (round >= warmups) {
				samples[k].wall.push(wall);
				samples[k].cpu.push((cpu.user + cpu.system) / 1000);
			}
		}
	}
	const results = contenders.map((c, k) => {
		const ms = median(samples[k].wall);
		const cpuMs = median(samples[k].cpu);
		const tokens = samples[k].tokens;
		return { id: c.id, name: c.name, ms, cpuMs, tokens, tokensPerSecond: tokens / (ms / 1000), mbPerSecond: text.length / 1048576 / (ms / 1000) };
	});
	const ours = results.find((r) => r.id === 'ours');
	console.log(`\n${label}: ${(text.length / 1048576).toFixed(2)} M UTF-16 units, ${ours.tokens.toLocaleString('en')} tokens (words tokenizer)`);
	console.log('| contender | median ms | median CPU ms | tokens | tokens/s | M units/s | ours × faster (wall) | ours × faster (CPU) |');
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of results) {
		const ratio = (x) => (r.id === 'ours' ? '—' : `${x.toFixed(2)}×`);
		console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${r.cpuMs.toFixed(1)} | ${r.tokens.toLocaleString('en')} | ${(r.tokensPerSecond / 1e6).toFixed(2)} M | ${r.mbPerSecond.toFixed(1)} | ${ratio(r.ms / ours.ms)} | ${ratio(r.cpuMs / ours.cpuMs)} |`);
	}
	return { label, chars: text.length, results };
}

async function lookupOnly(text) {
	const spans = core.tokenSpans(text);
	const { starts, ends, count } = spans;
	const keys = new Array(count);
	for (let t = 0; t < count; t++) keys[t] = text.slice(starts[t], ends[t]).toLowerCase();
	const parts = [
		{ name: 'analyze() (for reference)', run: (t) => core.analyze(t).length },
		{ name: 'tokenSpans (scanner, offsets only)', run: (t) => core.tokenSpans(t).count },
		{
			name: 'Vocabulary.findSpan over the spans (lookup only, no strings)',
			run: (t) => {
				let found = 0;
				for (let k = 0; k < count; k++) if (vocabulary.findSpan(t, starts[k], ends[k]) >= 0) found++;
				return count + found * 0;
			},
		},
		{
			name: 'Map.get over pre-lowercased strings (strings built beforehand, not timed)',
			run: () => {
				let found = 0;
				for (let k = 0; k < count; k++) if (positions.get(keys[k]) !== undefined) found++;
				return count + found * 0;
			},
		},
	];
	const samples = parts.map(() => ({ wall: [], cpu: [], tokens: 0 }));
	for (let round = 0; round < warmups + runs; round++) {
		for (const [k, part] of parts.entries()) {
			await settle();
			const cpu0 = process.cpuUsage();
			const t0 = performance.now();
			samples[k].tokens = part.run(text);
			const wall = performance.now() - t0;
			const cpu = process.cpuUsage(cpu0);
			if (round >= warmups) {
				samples[k].wall.push(wall);
				samples[k].cpu.push((cpu.user + cpu.system) / 1000);
			}
		}
	}
	console.log('\nParts, on the generated corpus (round-robin like the table above):');
	console.log('| step | median ms | median CPU ms | tokens/s (wall) |');
	console.log('|---|---:|---:|---:|');
	return parts.map((part, k) => {
		const ms = median(samples[k].wall);
		const cpuMs = median(samples[k].cpu);
		console.log(`| ${part.name} | ${ms.toFixed(1)} | ${cpuMs.toFixed(1)} | ${(samples[k].tokens / (ms / 1000) / 1e6).toFixed(2)} M |`);
		return { name: part.name, ms, cpuMs, tokens: samples[k].tokens };
	});
}

function memory(text) {
	// A prefix of the corpus holding 1,000,000 tokens.
	const spans = core.tokenSpans(text);
	const million = Math.min(1_000_000, spans.count);
	const prefix = text.slice(0, spans.ends[million - 1]);
	// A fresh flat copy, so the input is not a slice that keeps the whole corpus alive.
	const flat = Buffer.from(prefix, 'utf16le').toString('utf16le');
	globalThis.gc();
	globalThis.gc();
	const before = process.memoryUsage();
	let peakRss = before.rss;
	const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1);
	const analysis = core.analyze(flat);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	clearInterval(timer);
	const afterRun = process.memoryUsage();
	globalThis.gc();
	globalThis.gc();
	const retained = process.memoryUsage();
	const mb = (x) => x / 1048576;
	const result = {
		tokens: analysis.length,
		inputMB: mb(flat.length),
		heapGrowthDuringMB: mb(afterRun.heapUsed + afterRun.arrayBuffers - before.heapUsed - before.arrayBuffers),
		retainedMB: mb(retained.heapUsed + retained.arrayBuffers - before.heapUsed - before.arrayBuffers),
		rssGrowthMB: mb(Math.max(peakRss, afterRun.rss) - before.rss),
	};
	console.log(`\nMemory, analyze() of ${analysis.length.toLocaleString('en')} tokens (${result.inputMB.toFixed(1)} M UTF-16 units of input, excluded):`);
	console.log(`  heap + array buffers grown during the call: ${result.heapGrowthDuringMB.toFixed(1)} MB; retained by the Analysis after GC: ${result.retainedMB.toFixed(1)} MB; RSS growth: ${result.rssGrowthMB.toFixed(1)} MB`);
	return result;
}

if (memoryOnly) {
	const result = memory(generateCorpus({ wordsByFrequency: core.defaultWords(), rareWords, minChars: 6 * 1024 * 1024 }));
	if (jsonFile) writeFileSync(jsonFile, JSON.stringify(result));
	process.exit(0);
}

console.log(`Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.arch()}; ${warmups} warm-up + ${runs} measured runs each, median.`);
const generated = generateCorpus({ wordsByFrequency: core.defaultWords(), rareWords, minChars: (quick ? 2 : 10.5) * 1024 * 1024 });
const prose = localProse(root);
const realProse = prose.map((s) => s.text).join('\n\n');
const report = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, runs, warmups, texts: [] };
report.texts.push(await benchText('Generated corpus (seeded Zipf sample of the default vocabulary ranks + 4 % rarer real words)', generated));
if (realProse.length > 0) {
	console.log(`\nReal prose sources: ${prose.map((s) => `${s.name} (${s.files.length} files, ${(s.text.length / 1024).toFixed(0)} K units)`).join('; ')}`);
	report.texts.push(await benchText('Real English prose found on this machine', realProse));
}
report.parts = await lookupOnly(generated);
report.memory = memory(generated);
// The same measurement in a fresh process, where RSS growth is not hidden by memory the
// contenders above already made the process reserve.
const fresh = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-only'], { encoding: 'utf8' });
process.stdout.write(fresh.stdout.replace(/^Memory/m, 'Memory (fresh process)'));
const gen = report.texts[0].results;
const by = (id) => gen.find((r) => r.id === id);
const vsWink = by('wink').ms / by('ours').ms;
const vsNatural = by('natural').ms / by('ours').ms;
const load = os.loadavg()[0];
console.log(`\nBudget on the generated corpus: ${vsWink.toFixed(2)}× wink-nlp (need ≥ 5), ${vsNatural.toFixed(2)}× natural (need ≥ 1), ${(by('ours').tokensPerSecond / 1e6).toFixed(2)} M tokens/s (need > 10 on an idle machine), retained memory ${report.memory.retainedMB.toFixed(1)} MB for 1 M tokens (need < 100).`);
console.log(`Load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} on ${os.cpus().length} CPUs${load > os.cpus().length ? ' (a busy machine: absolute rates are low, compare the ratios)' : ''}.`);
report.loadAverage = os.loadavg();
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(report, null, '\t'));
