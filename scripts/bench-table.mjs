#!/usr/bin/env node
// `npm run bench`: runs every benchmark, each writing its figures as JSON, then prints ONE table:
// each figure beside its budget (DESIGN.md "Budgets", and the targets of the vocabulary issue)
// and whether it is met. A step that fails leaves its figures "not measured" and the rest runs.
//
//   node scripts/bench-table.mjs --run [--quick] [--full] [--skip-vscode] [--dir DIR]
//   node scripts/bench-table.mjs [--dir DIR]          (the table from the last run's JSON files)
//
// --quick   fewer runs and a 20 MB corpus build: a smoke run, not figures to publish.
// --full    the corpus build on the full 1 GB (about a quarter of an hour); 100 MB by default.
// The results go to DIR (default .tmp/bench/): core.json, vocabulary.json, vscode.json, labels.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const dirAt = args.indexOf('--dir');
const dir = path.resolve(root, dirAt >= 0 ? args[dirAt + 1] : path.join('.tmp', 'bench'));
const quick = flag('--quick');
const corpusMegabytes = flag('--full') ? 1024 : quick ? 20 : 100;

const file = (name) => path.join(dir, `${name}.json`);
const failures = {};

/**
 * Runs one benchmark script; its JSON file is removed first so a failed run cannot show old
 * figures. A step that hangs (a browser that died under the real-VS-Code bench) is stopped
 * after `minutes`, so the table still comes out.
 */
function step(name, script, scriptArgs, minutes = 30) {
	fs.rmSync(file(name), { force: true });
	console.log(`\n[bench] ${script} ${scriptArgs.join(' ')}  (load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
	const result = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...scriptArgs, '--json', file(name)], {
		cwd: root,
		stdio: 'inherit',
		timeout: minutes * 60_000,
	});
	if (result.status !== 0 || !fs.existsSync(file(name))) {
		failures[name] = `${script} ${result.error ? result.error.message : `exited with ${result.status ?? result.signal}`}`;
	}
}

if (flag('--run')) {
	fs.mkdirSync(dir, { recursive: true });
	step('core', 'bench.mjs', quick ? ['--quick'] : []);
	step('vocabulary', 'measure-vocabulary.mjs', ['--megabytes', String(corpusMegabytes)], flag('--full') ? 60 : 30);
	if (!flag('--skip-vscode')) {
		// Packages the .vsix with a production build, which also leaves dist/nerWorker.js for the labels step.
		step('vscode', 'bench-vscode.mjs', quick ? ['--runs', '2', '--launches', '1'] : []);
	} else {
		spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
	}
	step('labels', 'bench-labels.mjs', []);
}

const read = (name) => {
	try {
		return JSON.parse(fs.readFileSync(file(name), 'utf8'));
	} catch {
		return undefined;
	}
};
const core = read('core');
const vocabulary = read('vocabulary');
const vscode = read('vscode');
const labels = read('labels');

const rows = [];
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'met' : 'not met');
/** `qualifier` says when a verdict was reached on less than the budget's own size. */
function row(area, figure, measured, budget, ok, qualifier = '') {
	rows.push({ area, figure, measured, budget, verdict: verdict(ok) + (ok === undefined || !qualifier ? '' : ` ${qualifier}`) });
}
function missing(area, name, figures) {
	const why = failures[name] ?? `no ${path.relative(root, file(name))}`;
	for (const [figure, budget] of figures) {
		rows.push({ area, figure, measured: `not measured (${why})`, budget, verdict: 'not measured' });
	}
}
const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
const times = (x) => `${x.toFixed(2)}×`;

// Core: the generated corpus (texts[0]) is the one the budget is judged on.
if (core?.texts?.[0]) {
	const results = core.texts[0].results;
	const by = (id) => results.find((r) => r.id === id);
	const ours = by('ours');
	const wink = by('wink');
	const natural = by('natural');
	const corpus = `${(core.texts[0].chars / 1048576).toFixed(1)} M units`;
	row('Core', `analyze() throughput, tokenize + offsets + lookup (${corpus})`, `${(ours.tokensPerSecond / 1e6).toFixed(1)} M tokens/s`, '> 10 M tokens/s (idle machine)', ours.tokensPerSecond > 10e6);
	row('Core', 'vs wink-nlp tokenizer, same text, same run', `${times(wink.ms / ours.ms)} wall, ${times(wink.cpuMs / ours.cpuMs)} CPU`, '≥ 5×', wink.ms / ours.ms >= 5);
	row('Core', 'vs natural WordTokenizer (no offsets, no lookup)', `${times(natural.ms / ours.ms)} wall, ${times(natural.cpuMs / ours.cpuMs)} CPU`, '≥ 1×', natural.ms / ours.ms >= 1);
	if (core.memory) {
		row('Core', 'Memory retained by a 1,000,000-token analysis', `${core.memory.retainedMB.toFixed(1)} MB`, '< 100 MB', core.memory.retainedMB < 100);
	}
} else {
	missing('Core', 'core', [
		['analyze() throughput', '> 10 M tokens/s'],
		['vs wink-nlp', '≥ 5×'],
		['vs natural', '≥ 1×'],
	]);
}

if (vocabulary?.load && Object.keys(vocabulary.load).length > 0) {
	const formats = Object.entries(vocabulary.load);
	const slowest = formats.reduce((a, b) => (b[1].wallMs > a[1].wallMs ? b : a));
	const text = vocabulary.load['text (UTF-8 bytes)'] ?? formats[0][1];
	row(
		'Vocabulary',
		`Load a ${vocabulary.entries.toLocaleString('en-US')}-entry vocabulary (best of 5)`,
		`text ${ms(text.wallMs)} (${ms(text.cpuMs)} CPU); slowest format ${slowest[0]} ${ms(slowest[1].wallMs)} (${ms(slowest[1].cpuMs)} CPU)`,
		'< 1 s, every format',
		vocabulary.entries >= 1_000_000 ? formats.every(([, r]) => r.wallMs < 1000) : undefined,
	);
} else {
	missing('Vocabulary', 'vocabulary', [['Load a 1,000,000-entry vocabulary', '< 1 s']]);
}
if (vocabulary?.build) {
	const b = vocabulary.build;
	const size = b.megabytes >= 1024 ? `${(b.megabytes / 1024).toFixed(0)} GB` : `${b.megabytes} MB (1 GB with --full)`;
	row(
		'Vocabulary',
		`Corpus build memory, ${size} streamed, ${b.distinct.toLocaleString('en-US')} distinct words`,
		`peak RSS ${b.peakRssMB.toFixed(0)} MB (${b.countingRssMB.toFixed(0)} MB while counting), ${b.seconds.toFixed(0)} s`,
		'< 500 MB RSS on 1 GB',
		b.peakRssMB < 500,
		b.megabytes >= 1024 ? '' : `(on ${b.megabytes} MB)`,
	);
} else if (!vocabulary?.load) {
	missing('Vocabulary', 'vocabulary', [['Corpus build memory', '< 500 MB RSS on 1 GB']]);
}

// The real-VS-Code figures arrive with their budgets and verdicts from bench-vscode.mjs.
if (vscode?.rows) {
	for (const r of vscode.rows) {
		const ok = r.met === 'met' ? true : r.met === 'NOT met' ? false : undefined;
		row('VS Code', r.figure, `${r.value}${r.note ? ` (${r.note})` : ''}`, r.budget, ok);
	}
} else {
	missing('VS Code', 'vscode', [
		['Command → decorations, 1,000 tokens', '≤ 100 ms'],
		['1 MB document responsive', 'responsive'],
		['Matrix panel open, 100,000 tokens', '≤ 1 s'],
		['Matrix panel scroll, 100,000 tokens', 'display rate'],
		['Activation', '< 100 ms'],
		['.vsix size', '< 2 MB'],
	]);
}

if (labels) {
	row('Labels', 'NER, 1,000 tokens, warm worker round trip', `${ms(labels.thousandTokensMs)} median (max ${ms(labels.thousandTokensMaxMs)}): ${Math.round(labels.tokensPerSecond).toLocaleString('en-US')} tokens/s`, '≤ 150 ms', labels.thousandTokensMs <= 150);
	row('Labels', 'NER worker start + first reference label', ms(labels.workerStartMs), '(off the activation path; no budget)', undefined);
} else {
	missing('Labels', 'labels', [['NER, 1,000 tokens, warm', '≤ 150 ms']]);
}

const loads = [core?.loadAverage, vocabulary?.loadAverageEnd, labels?.loadAverage].filter(Boolean).map((l) => l[0].toFixed(2));
if (vscode?.loadSamples) loads.push(...vscode.loadSamples.map((x) => x.toFixed(2)));
console.log('');
console.log(`Sequence Lens benchmarks, ${new Date().toISOString()}: ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
console.log(`1-minute load averages seen during the steps: ${loads.join(', ') || 'n/a'}${loads.some((l) => Number(l) > os.cpus().length) ? ' (a busy machine: absolute times are inflated; do not publish these as final)' : ''}`);
console.log('');
console.log('| Area | Figure | Measured | Budget | Verdict |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
	console.log(`| ${r.area} | ${r.figure} | ${r.measured} | ${r.budget} | ${r.verdict} |`);
}
const notMet = rows.filter((r) => r.verdict.startsWith('not met')).length;
const notMeasured = rows.filter((r) => r.verdict === 'not measured').length;
console.log(`\n${rows.filter((r) => r.verdict.startsWith('met')).length} met, ${notMet} not met, ${notMeasured} not measured, ${rows.filter((r) => r.verdict === '—').length} without a numeric budget.`);
