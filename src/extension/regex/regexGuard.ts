/**
 * Runs the `regex` tokenizer's user pattern off the extension host's thread, with a time limit.
 * JavaScript cannot interrupt a running regular expression, so a pattern with catastrophic
 * backtracking (`(a+)+$` on `aaaa…b`) would freeze the host; here it freezes a worker thread,
 * which is terminated when the limit passes and started again on the next request.
 */

import * as vscode from 'vscode';
import { TokenizerError, type TokenSpans } from '../../core/tokenize';
import { Disposable } from '../util/dispose';
import { WorkerHost } from '../util/workerHost';
import type { RegexReply, RegexRequest } from './regexProtocol';

/** A generous limit for a sane pattern on a large document, short enough to feel like an answer. */
export const regexTimeLimitMs = 2000;
/**
 * How long a request may wait for the worker to begin it (starting the thread takes seconds on
 * a loaded machine; a queue of large texts takes longer): it does not count against the pattern.
 */
const startLimitMs = 60_000;

/** The pattern ran out of time; the message says which pattern and what to do. */
export class RegexTimeoutError extends TokenizerError {
	constructor(
		readonly pattern: string,
		readonly limitMs: number,
		textLength: number,
	) {
		super(
			vscode.l10n.t(
				'the tokenizer pattern /{0}/ took longer than {1} s on {2} characters and was stopped. Nested repetition such as (a+)+ can take exponential time on text that almost matches; simplify sequenceLens.tokenizerPattern. The previous analysis stays.',
				pattern,
				limitMs / 1000,
				textLength,
			),
		);
	}
}

/**
 * Checks that `pattern` compiles with the flags the tokenizer uses; compiling never backtracks,
 * so this is safe on the host. Throws a TokenizerError naming the problem.
 */
export function checkPattern(pattern: string): void {
	if (pattern === '') {
		throw new TokenizerError(
			vscode.l10n.t('the regex tokenizer needs a pattern: set sequenceLens.tokenizerPattern (for example {0}). The previous analysis stays.', '[\\p{L}\\p{N}]+'),
		);
	}
	try {
		new RegExp(pattern, 'gu');
	} catch (error) {
		throw new TokenizerError(
			vscode.l10n.t(
				'sequenceLens.tokenizerPattern /{0}/ is not a valid regular expression ({1}). The previous analysis stays.',
				pattern,
				(error as Error).message,
			),
		);
	}
}

interface Pending {
	resolve: (spans: TokenSpans) => void;
	reject: (error: Error) => void;
	timer: ReturnType<typeof setTimeout>;
	/** Arms the pattern's time limit; called when the worker begins the request. */
	start: () => void;
	request: RegexRequest;
}

export class RegexGuard extends Disposable {
	private readonly worker: WorkerHost<RegexRequest, RegexReply>;
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();

	constructor(
		workerPath: string,
		private readonly limitMs = regexTimeLimitMs,
	) {
		super();
		this.worker = new WorkerHost(workerPath, {
			onMessage: (reply) => this.onReply(reply),
			onCrash: (cause) =>
				this.stop(
					new TokenizerError(
						'error' in cause
							? vscode.l10n.t('the tokenizer pattern\'s worker failed ({0}). The previous analysis stays.', cause.error.message)
							: vscode.l10n.t('the tokenizer pattern\'s worker stopped unexpectedly. The previous analysis stays.'),
					),
				),
		});
		this._register({ dispose: () => this.stop(new TokenizerError(vscode.l10n.t('Sequence Lens is shutting down.'))) });
	}

	/** Token boundaries of `text` under `pattern` (flags `gu`), found in the worker. */
	spans(pattern: string, text: string): Promise<TokenSpans> {
		checkPattern(pattern);
		const id = this.nextId++;
		return new Promise<TokenSpans>((resolve, reject) => {
			const request: RegexRequest = { id, pattern, text };
			// Sent first: a worker that cannot start fails this call and leaves nothing pending.
			this.worker.post(request);
			const pending: Pending = {
				resolve,
				reject,
				request,
				timer: setTimeout(() => this.timeOut(id), startLimitMs),
				start: () => {
					clearTimeout(pending.timer);
					pending.timer = setTimeout(() => this.timeOut(id), this.limitMs);
				},
			};
			this.pending.set(id, pending);
		});
	}

	/**
	 * Terminating the worker is the only way to stop a match. The request that ran too long
	 * fails; the others queued behind it go to a fresh worker.
	 */
	private timeOut(id: number): void {
		const stuck = this.pending.get(id);
		if (!stuck) {
			return;
		}
		this.pending.delete(id);
		const waiting = [...this.pending.values()];
		this.pending.clear();
		this.worker.terminate();
		stuck.reject(new RegexTimeoutError(stuck.request.pattern, this.limitMs, stuck.request.text.length));
		for (const p of waiting) {
			clearTimeout(p.timer);
			p.timer = setTimeout(() => this.timeOut(p.request.id), startLimitMs);
			this.pending.set(p.request.id, p);
			// The first one starts a fresh worker.
			this.worker.post(p.request);
		}
	}

	private onReply(reply: RegexReply): void {
		const p = this.pending.get(reply.id);
		if (!p) {
			return;
		}
		if (reply.type === 'started') {
			p.start();
			return;
		}
		this.pending.delete(reply.id);
		clearTimeout(p.timer);
		if (reply.type === 'spans') {
			p.resolve({ count: reply.count, starts: reply.starts, ends: reply.ends });
		} else {
			p.reject(new TokenizerError(vscode.l10n.t('{0} The previous analysis stays.', reply.message)));
		}
	}

	/** Ends the worker and fails whatever it still owed. */
	private stop(reason: Error): void {
		this.worker.terminate();
		for (const p of this.pending.values()) {
			clearTimeout(p.timer);
			p.reject(reason);
		}
		this.pending.clear();
	}
}
