#!/usr/bin/env node
// Evaluates the offline NER tagger (src/core/ner) on a CoNLL-2003 file such as the English
// development split eng.testa, which is NOT part of this repository (Reuters research licence):
//
//   node scripts/eval-ner.mjs path/to/eng.testa [--errors N] [--max-chars N]
//
// The tokens are joined with spaces and the sentences with newlines to make the text the tagger
// sees; predicted spans are aligned back to the gold tokens with alignEntities (the same
// alignment the extension uses). Prints person-name token F1 (binary y⟨t⟩), typed entity
// micro-F1 over PER, LOC and ORG with exact spans (conlleval's chunk rule), per-type P/R/F1,
// the load time and the speed.
import { loadCore } from './lib/loadCore.mjs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(name);
	if (i < 0) return fallback;
	const value = Number(args[i + 1]);
	args.splice(i, 2);
	return value;
};
const showErrors = option('--errors', 0);
const maxChars = option('--max-chars', 1000);
const file = args[0];
if (!file) {
	console.error('usage: node scripts/eval-ner.mjs path/to/eng.testa [--errors N] [--max-chars N]');
	process.exit(2);
}

// Bundle the TypeScript module (compromise included) so the script needs no compile step.
const ner = await loadCore({ entry: 'src/core/ner/index.ts', platform: 'node' });

// ---- read CoNLL: one token per line (word … tag), blank lines between sentences ----
const lines = readFileSync(file, 'utf8').split(/\r?\n/);
const sentences = [];
const documentStarts = [0];
let current = [];
for (const line of lines) {
	const trimmed = line.trim();
	if (trimmed === '' || trimmed.startsWith('-DOCSTART-')) {
		if (current.length) sentences.push(current);
		current = [];
		// Each Reuters story is tagged as a text of its own, as a user's document would be.
		if (trimmed.startsWith('-DOCSTART-')) documentStarts.push(sentences.length);
		continue;
	}
	const fields = trimmed.split(/\s+/);
	current.push({ word: fields[0], tag: fields[fields.length - 1] });
}
if (current.length) sentences.push(current);

let text = '';
const words = [];
const starts = [];
const ends = [];
const gold = [];
const sentenceOf = [];
const documentOffsets = []; // [start, end) character range of each story in `text`
const isDocumentStart = new Set(documentStarts);
sentences.forEach((sentence, s) => {
	if (isDocumentStart.has(s)) {
		if (s > 0) {
			documentOffsets[documentOffsets.length - 1][1] = text.length;
			text += '\n\n';
		}
		documentOffsets.push([text.length, -1]);
	} else if (s > 0) text += '\n';
	sentence.forEach((token, k) => {
		if (k > 0) text += ' ';
		starts.push(text.length);
		text += token.word;
		ends.push(text.length);
		words.push(token.word);
		gold.push(token.tag);
		sentenceOf.push(s);
	});
});
documentOffsets[documentOffsets.length - 1][1] = text.length;
const tokenCount = words.length;

// ---- tag ----
// CPU time is reported beside wall time: on a busy machine wall time mostly measures the queue.
const cpuMs = (since) => {
	const u = process.cpuUsage(since);
	return (u.user + u.system) / 1000;
};
const loadStart = performance.now();
const loadCpu = process.cpuUsage();
const tagger = await ner.createTagger();
const loadMs = performance.now() - loadStart;
const loadCpuMs = cpuMs(loadCpu);

// Per piece: CPU time from one progress report to the next (the tagger's work on one piece).
const pieceCpu = [];
let lastCpu = process.cpuUsage();
const tagStart = performance.now();
const tagCpu = process.cpuUsage();
const spans = [];
for (const [from, to] of documentOffsets) {
	const story = await tagger.tagChunks(text.slice(from, to), {
		maxChars,
		onProgress() {
			pieceCpu.push(cpuMs(lastCpu));
			lastCpu = process.cpuUsage();
		},
	});
	for (const span of story) spans.push({ ...span, start: span.start + from, end: span.end + from });
}
const tagMs = performance.now() - tagStart;
const tagCpuMs = cpuMs(tagCpu);

// Warm speed on 1,000-token pieces of the same text.
const warmRuns = [];
for (let first = 0; first + 1000 <= tokenCount && warmRuns.length < 20; first += 2500) {
	const piece = text.slice(starts[first], ends[first + 999]);
	const t0 = process.cpuUsage();
	tagger.tag(piece);
	warmRuns.push(cpuMs(t0));
}
warmRuns.sort((a, b) => a - b);
const median = warmRuns[Math.floor(warmRuns.length / 2)];

// ---- score ----
const predicted = ner.alignEntities(spans, starts, ends);
const f1 = (tp, fp, fn) => {
	const p = tp + fp ? tp / (tp + fp) : 0;
	const r = tp + fn ? tp / (tp + fn) : 0;
	return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};

let tp = 0, fp = 0, fn = 0;
for (let t = 0; t < tokenCount; t++) {
	const g = gold[t].endsWith('-PER') ? 1 : 0;
	const p = predicted.binary[t];
	if (g && p) tp++;
	else if (p) fp++;
	else if (g) fn++;
}
const binary = f1(tp, fp, fn);

// Chunks never cross sentences: conlleval reads a blank line as O.
const chunksOf = (tags) => {
	const out = [];
	let from = 0;
	for (let t = 1; t <= tokenCount; t++) {
		if (t === tokenCount || sentenceOf[t] !== sentenceOf[from]) {
			const local = ner.spansFromTags(tags.slice(from, t), starts.slice(from, t), ends.slice(from, t));
			for (const c of local) out.push({ ...c, firstToken: c.firstToken + from, lastToken: c.lastToken + from });
			from = t;
		}
	}
	return out;
};
const key = (c) => `${c.firstToken}:${c.lastToken}:${c.type}`;
const goldChunks = chunksOf(gold);
const predChunks = chunksOf(predicted.tags);
const goldKeys = new Set(goldChunks.map(key));
const predKeys = new Set(predChunks.map(key));
const types = ['PER', 'LOC', 'ORG', 'MISC'];
const perType = {};
for (const type of types) {
	const g = goldChunks.filter((c) => c.type === type);
	const p = predChunks.filter((c) => c.type === type);
	const hit = p.filter((c) => goldKeys.has(key(c))).length;
	perType[type] = f1(hit, p.length - hit, g.length - hit);
}
const scored = ['PER', 'LOC', 'ORG'];
const micro = f1(...['tp', 'fp', 'fn'].map((k) => scored.reduce((sum, type) => sum + perType[type][k], 0)));

const pct = (x) => (100 * x).toFixed(2);
console.log(`file: ${path.basename(file)}; ${documentOffsets.length} documents, ${sentences.length} sentences, ${tokenCount} tokens, ${goldChunks.length} gold entities`);
console.log(`person-name token F1 (binary y): ${binary.f.toFixed(4)}  (P ${pct(binary.p)} R ${pct(binary.r)}; tp ${tp} fp ${fp} fn ${fn})`);
console.log(`typed entity micro-F1 PER+LOC+ORG (exact spans): ${micro.f.toFixed(4)}  (P ${pct(micro.p)} R ${pct(micro.r)})`);
for (const type of types) {
	const m = perType[type];
	console.log(`  ${type.padEnd(4)} P ${pct(m.p).padStart(6)}  R ${pct(m.r).padStart(6)}  F1 ${pct(m.f).padStart(6)}  (tp ${m.tp} fp ${m.fp} fn ${m.fn})${type === 'MISC' ? '  not in the micro-average' : ''}`);
}
console.log(`load (compromise + name lists): ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU`);
console.log(`tagChunks over the whole file: ${tagMs.toFixed(0)} ms wall = ${Math.round(tokenCount / (tagMs / 1000))} tokens/s; ${tagCpuMs.toFixed(0)} ms CPU = ${Math.round(tokenCount / (tagCpuMs / 1000))} tokens/s`);
pieceCpu.sort((a, b) => a - b);
const quantile = (q) => pieceCpu[Math.min(pieceCpu.length - 1, Math.floor(q * pieceCpu.length))].toFixed(1);
console.log(`per piece (maxChars ${maxChars}, ${pieceCpu.length} pieces), CPU ms: median ${quantile(0.5)}, p95 ${quantile(0.95)}, p99 ${quantile(0.99)}, max ${quantile(1)}`);
console.log(`warm tag() of 1,000 tokens (CPU time): median ${median.toFixed(1)} ms over ${warmRuns.length} pieces (min ${warmRuns[0].toFixed(1)}, max ${warmRuns[warmRuns.length - 1].toFixed(1)})`);
console.log(`node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);

// Which rule typed each predicted entity, and how often it was right (exact span and type).
if (args.includes('--rules')) {
	const byRule = new Map();
	for (const span of spans) {
		const first = starts.findIndex((_, t) => ends[t] > span.start);
		let lastToken = first;
		while (lastToken + 1 < tokenCount && starts[lastToken + 1] < span.end) lastToken++;
		const entry = byRule.get(`${span.type} ${span.rule}`) ?? { n: 0, right: 0 };
		entry.n++;
		if (goldKeys.has(`${first}:${lastToken}:${span.type}`)) entry.right++;
		byRule.set(`${span.type} ${span.rule}`, entry);
	}
	console.log('\nrule: predicted, exactly right');
	for (const [rule, { n, right }] of [...byRule].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${rule.padEnd(28)} ${String(n).padStart(5)} ${pct(right / n).padStart(6)} %`);
}

if (showErrors > 0) {
	// For local inspection only: prints sentences of the evaluation file to the terminal.
	const missed = goldChunks.filter((c) => c.type !== 'MISC' && !predKeys.has(key(c)));
	const spurious = predChunks.filter((c) => c.type !== 'MISC' && !goldKeys.has(key(c)));
	const show = (label, list) => {
		const sample = list.filter((_, i) => i % Math.max(1, Math.floor(list.length / showErrors)) === 0).slice(0, showErrors);
		console.log(`\n${label} (${list.length}):`);
		for (const c of sample) {
			const s = sentenceOf[c.firstToken];
			const ctx = [];
			for (let t = Math.max(0, c.firstToken - 4); t <= Math.min(tokenCount - 1, c.lastToken + 4); t++) {
				if (sentenceOf[t] !== s) continue;
				ctx.push(t >= c.firstToken && t <= c.lastToken ? `[${words[t]}]` : words[t]);
			}
			const goldHere = [];
			const predHere = [];
			for (let t = c.firstToken; t <= c.lastToken; t++) {
				goldHere.push(gold[t]);
				predHere.push(predicted.tags[t]);
			}
			console.log(`  ${c.type}: ${ctx.join(' ')}   gold ${goldHere.join(',')} pred ${predHere.join(',')}`);
		}
	};
	show('missed', missed);
	show('spurious', spurious);
}
