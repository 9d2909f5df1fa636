#!/usr/bin/env node
// Measures the vocabulary-file and corpus-builder numbers quoted in docs/api.md:
//   1. loading a 1,000,000-entry vocabulary in each file format (wall and CPU time);
//   2. the memory of building a vocabulary from a streamed synthetic corpus with 2,000,000
//      distinct words (RSS and heap after a forced collection).
// Usage: node scripts/measure-vocabulary.mjs [--entries N] [--distinct N] [--megabytes N] [--no-load] [--no-build] [--json FILE]
// --json FILE writes the figures for scripts/bench-table.mjs.
// It bundles src/core with esbuild into a temporary file, so it needs no prior build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadCore } from './lib/loadCore.mjs';

if (typeof globalThis.gc !== 'function') {
	const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}

const arg = (name, fallback) => {
	const at = process.argv.indexOf(name);
	return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const entries = arg('--entries', 1_000_000);
const distinct = arg('--distinct', 2_000_000);
const megabytes = arg('--megabytes', 200);
const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
const results = { entries, load: {}, loadAverage: os.loadavg() };
const writeResults = () => {
	if (jsonFile) {
		results.loadAverageEnd = os.loadavg();
		writeFileSync(jsonFile, JSON.stringify(results, null, '\t'));
	}
};

const core = await loadCore();

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const cpuMs = (since) => {
	const c = process.cpuUsage(since);
	return (c.user + c.system) / 1000;
};

const words = [];
// 1. Loading. Words like real vocabularies: short, mostly ASCII, some accented.
if (!process.argv.includes('--no-load')) {
	console.log(`Loading a ${entries.toLocaleString('en-US')}-entry vocabulary (best of 5; cpu includes GC threads)`);
	for (let i = 0; i < entries - 1; i++) {
		words.push(`w${i.toString(36)}${i % 7 ? '' : 'é'}`);
	}
	words.push('<UNK>');
	const text = words.join('\n') + '\n';
	const reference = core.loadVocabulary(text);
	const contents = {
		'text (string)': text,
		'text (UTF-8 bytes)': new TextEncoder().encode(text),
		'json-map': core.saveVocabulary(reference, 'json-map'),
		'json-list': core.saveVocabulary(reference, 'json-list'),
		'hf-tokenizer-json': core.saveVocabulary(reference, 'hf-tokenizer-json'),
		'keras-tokenizer-json': core.saveVocabulary(reference, 'keras-tokenizer-json'),
	};
	// The floor any loader pays: splitting the text and building a Map of the entries. Reported
	// alongside, so the ratio still means something when the machine is busy.
	{
		let bestCpu = Infinity;
		for (let run = 0; run < 5; run++) {
			globalThis.gc();
			const c0 = process.cpuUsage();
			const lines = text.split('\n');
			const map = new Map();
			for (let p = 0; p < lines.length; p++) {
				map.set(lines[p], p);
			}
			bestCpu = Math.min(bestCpu, cpuMs(c0));
		}
		results.floorCpuMs = bestCpu;
		console.log(`  ${'floor: split + Map'.padEnd(22)} ${mb(text.length).padStart(7)}  ${''.padStart(13)}  ${bestCpu.toFixed(0).padStart(5)} ms cpu`);
	}
	for (const [label, content] of Object.entries(contents)) {
		let best = Infinity;
		let bestCpu = Infinity;
		for (let run = 0; run < 5; run++) {
			globalThis.gc();
			const c0 = process.cpuUsage();
			const t0 = performance.now();
			const v = core.loadVocabulary(content);
			const wall = performance.now() - t0;
			if (v.size < entries) {
				throw new Error(`${label}: loaded ${v.size} entries`);
			}
			best = Math.min(best, wall);
			bestCpu = Math.min(bestCpu, cpuMs(c0));
		}
		results.load[label] = { wallMs: best, cpuMs: bestCpu, length: content.length };
		console.log(`  ${label.padEnd(22)} ${mb(content.length).padStart(7)}  ${best.toFixed(0).padStart(5)} ms wall  ${bestCpu.toFixed(0).padStart(5)} ms cpu`);
	}
}

if (process.argv.includes('--no-build')) {
	writeResults();
	process.exit(0);
}

// 2. Corpus build memory: a streamed corpus of `megabytes` MB whose words are drawn from
// `distinct` distinct words, every one of them occurring at least once. After the loading
// step the heap the V8 has grown stays in this process's RSS (it read 468 MB here), so the
// build is measured in a fresh process of its own.
if (!process.argv.includes('--no-load')) {
	const buildJson = path.join(mkdtempSync(path.join(os.tmpdir(), 'sl-vocab-')), 'build.json');
	const args = process.argv.slice(2).filter((a, i, all) => a !== '--json' && all[i - 1] !== '--json');
	const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...args, '--no-load', '--json', buildJson], { stdio: 'inherit' });
	if (child.status === 0) {
		results.build = JSON.parse(readFileSync(buildJson, 'utf8')).build;
	}
	writeResults();
	process.exit(child.status ?? 1);
}
words.length = 0;
globalThis.gc();
const before = process.memoryUsage();
console.log(`\nBuilding from a ${megabytes} MB streamed corpus with ${distinct.toLocaleString('en-US')} distinct words (baseline rss ${mb(before.rss)}, heap ${mb(before.heapUsed)})`);
// 4 to 17 characters, a third of them 13 or longer (long rare words are most of a corpus's distinct words).
const wordFor = (n) => `${n.toString(36)}q${(n * 7919) % 1000}${n % 3 === 0 ? 'ization' : ''}`;
async function* corpus() {
	const target = megabytes * 1024 * 1024;
	let produced = 0;
	let n = 0;
	let seed = 12345;
	while (produced < target) {
		const parts = [];
		for (let k = 0; k < 8192; k++) {
			// First pass over every distinct word, then a skewed (Zipf-like) draw.
			let id;
			if (n < distinct) {
				id = n++;
			} else {
				seed = (seed * 1103515245 + 12345) >>> 0;
				id = Math.floor(distinct * Math.pow(seed / 2 ** 32, 3));
			}
			parts.push(wordFor(id));
		}
		const chunk = parts.join(' ') + '.\n';
		produced += chunk.length;
		yield chunk;
	}
}
let peakRss = 0;
const t0 = performance.now();
const result = await core.buildVocabulary(corpus(), {
	topN: 50000,
	onProgress: (p) => {
		if (p.chunks % 64 === 0) {
			peakRss = Math.max(peakRss, process.memoryUsage().rss);
		}
	},
});
const seconds = (performance.now() - t0) / 1000;
const countingPeak = peakRss;
const finalRss = process.memoryUsage().rss;
peakRss = Math.max(peakRss, finalRss);
const s = result.summary;
console.log(`  ${s.tokens.toLocaleString('en-US')} tokens, ${s.distinct.toLocaleString('en-US')} distinct, ${seconds.toFixed(1)} s (${(s.characters / 1024 / 1024 / seconds).toFixed(1)} MB/s)`);
console.log(`  peak rss ${mb(peakRss)}: ${mb(countingPeak)} while counting, ${mb(finalRss)} after ranking (baseline ${mb(before.rss)})`);

// The counting Map alone, measured in isolation after a collection.
globalThis.gc();
const h0 = process.memoryUsage().heapUsed;
const counts = new Map();
for (let id = 0; id < distinct; id++) {
	counts.set(wordFor(id), id + 1);
}
globalThis.gc();
const h1 = process.memoryUsage().heapUsed;
// Reading the map after the second measurement keeps it alive through the collection.
results.build = { megabytes, distinct, tokens: s.tokens, seconds, peakRssMB: peakRss / 1048576, countingRssMB: countingPeak / 1048576, baselineRssMB: before.rss / 1048576, mapMB: (h1 - h0) / 1048576 };
writeResults();
console.log(`  Map of ${counts.size.toLocaleString('en-US')} counts: ${mb(h1 - h0)} of heap (${((h1 - h0) / distinct).toFixed(0)} bytes per distinct word)`);
