// WorkerHost with real worker threads: a small script that echoes, throws or exits on request.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerHost } from '../../src/extension/util/workerHost';

type Request = { do: 'echo'; value: number } | { do: 'throw' } | { do: 'exit'; code: number };
type Reply = { echo: number; thread: number };

const script = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
	if (m.do === 'echo') parentPort.postMessage({ echo: m.value, thread: threadId });
	if (m.do === 'throw') throw new Error('asked to fail');
	if (m.do === 'exit') process.exit(m.code);
});
`;

describe('WorkerHost', function () {
	this.timeout(20000);
	let dir: string;
	let file: string;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-worker-'));
		file = path.join(dir, 'echo.cjs');
		fs.writeFileSync(file, script);
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	function host() {
		const replies: Reply[] = [];
		const crashes: ({ error: Error } | { exitCode: number })[] = [];
		let starts = 0;
		let waiting: (() => void) | undefined;
		const settle = () => waiting?.();
		const h = new WorkerHost<Request, Reply>(file, {
			onStart: () => starts++,
			onMessage: (reply) => {
				replies.push(reply);
				settle();
			},
			onCrash: (cause) => {
				crashes.push(cause);
				settle();
			},
		});
		const next = (count: () => number, n: number) =>
			new Promise<void>((resolve) => {
				waiting = () => count() >= n && resolve();
				waiting();
			});
		return { h, replies, crashes, starts: () => starts, nextReply: (n: number) => next(() => replies.length, n), nextCrash: (n: number) => next(() => crashes.length, n) };
	}

	it('starts one thread on the first post and answers through it', async () => {
		const t = host();
		t.h.postIfRunning({ do: 'echo', value: 0 });
		assert.equal(t.starts(), 0, 'postIfRunning starts nothing');
		t.h.post({ do: 'echo', value: 1 });
		t.h.post({ do: 'echo', value: 2 });
		await t.nextReply(2);
		assert.equal(t.starts(), 1);
		assert.deepEqual(t.replies.map((r) => r.echo), [1, 2]);
		assert.equal(t.replies[0].thread, t.replies[1].thread);
		t.h.terminate();
	});

	it('reports an error in the thread, then starts a fresh one on the next post', async () => {
		const t = host();
		t.h.post({ do: 'echo', value: 1 });
		await t.nextReply(1);
		t.h.post({ do: 'throw' });
		await t.nextCrash(1);
		assert.ok('error' in t.crashes[0] && t.crashes[0].error.message.includes('asked to fail'), JSON.stringify(t.crashes));
		t.h.post({ do: 'echo', value: 2 });
		await t.nextReply(2);
		assert.equal(t.starts(), 2);
		assert.notEqual(t.replies[1].thread, t.replies[0].thread);
		// The replaced thread's own exit is not reported again.
		assert.equal(t.crashes.length, 1);
		t.h.terminate();
	});

	it('reports an exit with its code, and reports nothing for a terminate', async () => {
		const t = host();
		t.h.post({ do: 'exit', code: 3 });
		await t.nextCrash(1);
		assert.deepEqual(t.crashes, [{ exitCode: 3 }]);
		t.h.post({ do: 'echo', value: 1 });
		await t.nextReply(1);
		t.h.terminate();
		t.h.postIfRunning({ do: 'echo', value: 2 });
		await new Promise((resolve) => setTimeout(resolve, 200));
		assert.equal(t.crashes.length, 1, 'terminate is not a crash');
		assert.equal(t.starts(), 2);
	});
});
