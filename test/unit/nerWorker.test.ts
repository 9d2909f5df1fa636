import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { alignEntities, analyze, referenceSentence } from '../../src/core';
import type { FromWorker, ToWorker } from '../../src/extension/labels/workerProtocol';

// The worker module as tsc compiles it next to this test (the extension runs the esbuild bundle of the same file).
const workerPath = join(__dirname, '..', '..', 'src', 'extension', 'labels', 'nerWorker.js');

describe('NER worker thread', function () {
	// The first request loads compromise inside the worker: seconds on a busy machine.
	this.timeout(60000);
	let worker: Worker;
	const messages: FromWorker[] = [];

	before(() => {
		worker = new Worker(workerPath);
		worker.on('message', (m: FromWorker) => messages.push(m));
	});
	after(async () => {
		await worker?.terminate();
	});

	function answer(id: number): Promise<FromWorker> {
		return new Promise((resolve, reject) => {
			const timer = setInterval(() => {
				const m = messages.find((x) => (x.type === 'result' || x.type === 'error') && x.id === id);
				if (m) {
					clearInterval(timer);
					resolve(m);
				}
			}, 10);
			worker.once('error', (e) => {
				clearInterval(timer);
				reject(e);
			});
		});
	}

	function send(message: ToWorker): void {
		worker.postMessage(message);
	}

	it('loads the tagger on the first request and labels the reference sentence', async () => {
		assert.equal(messages.length, 0, 'nothing happens before a request');
		send({ type: 'label', id: 1, text: referenceSentence });
		const m = await answer(1);
		assert.equal(m.type, 'result');
		assert.ok(messages.some((x) => x.type === 'ready'), 'the worker reports its load');
		if (m.type !== 'result') return;
		const a = analyze(referenceSentence);
		const { binary, tags } = alignEntities(m.spans, a.starts, a.ends);
		assert.deepEqual([...binary], [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-LOC']);
	});

	it('stops a long request between pieces when cancelled, and keeps answering', async () => {
		const long = Array.from({ length: 400 }, (_, k) => `Line ${k}: Ada Lovelace met Charles Babbage in London.`).join('\n');
		send({ type: 'label', id: 2, text: long, maxChars: 200 });
		send({ type: 'cancel', id: 2 });
		const cancelled = await answer(2);
		assert.equal(cancelled.type, 'error');
		assert.ok(cancelled.type === 'error' && cancelled.cancelled);
		const progress = messages.filter((x) => x.type === 'progress' && x.id === 2);
		assert.ok(!progress.some((x) => x.type === 'progress' && x.done === x.total), `stopped before the end (${progress.length} pieces done)`);
		send({ type: 'label', id: 3, text: 'Ada Lovelace wrote.' });
		const next = await answer(3);
		assert.ok(next.type === 'result' && next.spans.some((s) => s.type === 'PER' && s.text === 'Ada Lovelace'), JSON.stringify(next));
	});
});
