/**
 * Worker thread entry (bundled alone as dist/regexWorker.js): runs a user's tokenizer pattern,
 * so a pattern that backtracks for minutes stalls only this thread, which the host terminates.
 */

import { parentPort } from 'node:worker_threads';
import { regexSpans } from '../../core/tokenize';
import type { RegexReply, RegexRequest } from './regexProtocol';

const port = parentPort;
if (!port) {
	throw new Error('regexWorker must run in a worker thread.');
}

port.on('message', (request: RegexRequest) => {
	let reply: RegexReply = { id: request.id, type: 'started' };
	port.postMessage(reply);
	try {
		const spans = regexSpans(request.text, { tokenizer: 'regex', pattern: request.pattern });
		// Copies trimmed to the count, so the transfer below moves only what is used.
		const starts = spans.starts.slice(0, spans.count);
		const ends = spans.ends.slice(0, spans.count);
		reply = { id: request.id, type: 'spans', count: spans.count, starts, ends };
		port.postMessage(reply, [starts.buffer, ends.buffer]);
	} catch (error) {
		reply = { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
		port.postMessage(reply);
	}
});
