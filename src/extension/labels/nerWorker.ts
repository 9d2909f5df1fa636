/**
 * Worker thread entry (bundled alone as dist/nerWorker.js): loads the tagger on the first request,
 * so neither activation nor the extension host's thread ever pays for compromise, and answers
 * `{ text } → spans`. tagChunks yields between pieces, which lets a cancel message get in.
 */

import { parentPort } from 'node:worker_threads';
import { createTagger } from '../../core/ner/tagger';
import type { FromWorker, ToWorker } from './workerProtocol';

const port = parentPort;
if (!port) {
	throw new Error('nerWorker must run in a worker thread.');
}
const running = new Map<number, AbortController>();
let announced = false;

function post(message: FromWorker): void {
	port?.postMessage(message);
}

async function label(id: number, text: string, maxChars: number | undefined): Promise<void> {
	const controller = new AbortController();
	running.set(id, controller);
	try {
		const loadStart = performance.now();
		const tagger = await createTagger();
		if (!announced) {
			announced = true;
			post({ type: 'ready', loadMs: performance.now() - loadStart });
		}
		const start = performance.now();
		const spans = await tagger.tagChunks(text, {
			maxChars,
			signal: controller.signal,
			onProgress: ({ done, total }) => post({ type: 'progress', id, done, total }),
		});
		post({ type: 'result', id, spans, tagMs: performance.now() - start });
	} catch (error) {
		const cancelled = controller.signal.aborted;
		post({ type: 'error', id, cancelled, message: error instanceof Error ? error.message : String(error) });
	} finally {
		running.delete(id);
	}
}

port.on('message', (message: ToWorker) => {
	if (message.type === 'label') {
		void label(message.id, message.text, message.maxChars);
	} else if (message.type === 'cancel') {
		running.get(message.id)?.abort(new Error('cancelled'));
	}
});
