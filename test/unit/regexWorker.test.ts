// The regex worker thread answers with the same spans as the core, reports a bad pattern as an
// error, and a pattern that backtracks for ever can be stopped by terminating the thread while
// this (the host's) thread stays free.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { regexSpans } from '../../src/core/tokenize';
import type { RegexReply, RegexRequest } from '../../src/extension/regex/regexProtocol';

// The worker module as tsc compiles it next to this test (the extension runs the esbuild bundle of the same file).
const workerPath = join(__dirname, '..', '..', 'src', 'extension', 'regex', 'regexWorker.js');

/** The worker's answer to `request` (after its `started` notice, which is checked too). */
function ask(worker: Worker, request: RegexRequest): Promise<RegexReply> {
	return new Promise((resolve, reject) => {
		let started = false;
		const onMessage = (reply: RegexReply) => {
			if (reply.type === 'started') {
				started = reply.id === request.id;
				return;
			}
			worker.off('message', onMessage);
			if (!started) {
				reject(new Error('answered without a started notice'));
			}
			resolve(reply);
		};
		worker.on('message', onMessage);
		worker.once('error', reject);
		worker.postMessage(request);
	});
}

describe('regex worker thread', function () {
	this.timeout(30000);
	let worker: Worker;
	afterEach(async () => {
		await worker?.terminate();
	});

	it('finds the spans the core finds', async () => {
		worker = new Worker(workerPath);
		const text = 'Sherlock Holmes, 221B — café!';
		const pattern = '[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]';
		const reply = await ask(worker, { id: 1, pattern, text });
		assert.equal(reply.type, 'spans');
		const expected = regexSpans(text, { tokenizer: 'regex', pattern });
		if (reply.type === 'spans') {
			assert.equal(reply.count, expected.count);
			assert.deepEqual([...reply.starts], [...expected.starts.slice(0, expected.count)]);
			assert.deepEqual([...reply.ends], [...expected.ends.slice(0, expected.count)]);
		}
	});

	it('answers an invalid pattern with an error naming it', async () => {
		worker = new Worker(workerPath);
		const reply = await ask(worker, { id: 2, pattern: '(a', text: 'aaa' });
		assert.equal(reply.type, 'error');
		if (reply.type === 'error') {
			assert.match(reply.message, /\(a/);
		}
	});

	it('can be terminated in the middle of catastrophic backtracking', async () => {
		worker = new Worker(workerPath);
		const answered = ask(worker, { id: 3, pattern: '(a+)+$', text: 'a'.repeat(40) + 'b' });
		let settled = false;
		void answered.then(() => (settled = true), () => (settled = true));
		// The host's timers still run while the worker is stuck.
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(settled, false);
		await worker.terminate();
		assert.equal(worker.threadId, -1);
		assert.equal(settled, false);
	});
});
