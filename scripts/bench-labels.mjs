// Times the NER worker as the extension uses it: worker start (thread + first tagger load), then
// warm round trips for the reference sentence and for 1,000 tokens of the README, and the host's
// own share (aligning spans to tokens). Run after `npm run build`: node scripts/bench-labels.mjs [--json FILE]
// (--json writes the figures for scripts/bench-table.mjs).
import { Worker } from 'node:worker_threads';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../dist/core.js');

function thousandTokens() {
	const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
	let source = text;
	while (core.analyze(source).length < 1000) source += '\n' + text;
	const a = core.analyze(source);
	return source.slice(0, a.ends[999]);
}

const worker = new Worker(new URL('../dist/nerWorker.js', import.meta.url));
let nextId = 1;
function label(text) {
	const id = nextId++;
	const start = performance.now();
	return new Promise((resolve, reject) => {
		const onMessage = (m) => {
			if (m.id !== id) return;
			if (m.type === 'result') {
				worker.off('message', onMessage);
				resolve({ spans: m.spans, ms: performance.now() - start, tagMs: m.tagMs });
			} else if (m.type === 'error') {
				worker.off('message', onMessage);
				reject(new Error(m.message));
			}
		};
		worker.on('message', onMessage);
		worker.postMessage({ type: 'label', id, text });
	});
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const t0 = performance.now();
const first = await label(core.referenceSentence);
const startMs = performance.now() - t0;
const long = thousandTokens();
for (let k = 0; k < 5; k++) await label(long);
const ref = [];
const big = [];
const align = [];
for (let k = 0; k < 11; k++) {
	ref.push((await label(core.referenceSentence)).ms);
	const r = await label(long);
	big.push(r.ms);
	const a = core.analyze(long);
	const s = performance.now();
	core.alignEntities(r.spans, a.starts, a.ends);
	align.push(performance.now() - s);
}
const a = core.analyze(core.referenceSentence);
const y = Array.from(core.alignEntities(first.spans, a.starts, a.ends).binary).join(' ');
console.log(`worker start + first reference label: ${startMs.toFixed(0)} ms (y = ${y})`);
console.log(`reference sentence, warm round trip: median ${median(ref).toFixed(1)} ms`);
console.log(`1,000 tokens (${long.length} chars), warm round trip: median ${median(big).toFixed(1)} ms, max ${Math.max(...big).toFixed(1)} ms`);
console.log(`host side alignEntities for 1,000 tokens: median ${median(align).toFixed(2)} ms`);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
	const thousand = median(big);
	writeFileSync(
		process.argv[jsonAt + 1],
		JSON.stringify(
			{ workerStartMs: startMs, referenceMs: median(ref), thousandTokensMs: thousand, thousandTokensMaxMs: Math.max(...big), tokensPerSecond: 1000 / (thousand / 1000), alignMs: median(align), y, loadAverage: os.loadavg() },
			null,
			'\t',
		),
	);
}
await worker.terminate();
