/**
 * A worker thread started on first use and replaced after it fails: the part the regex guard and
 * the tagger's label service share. Requests go out with `post` (which starts the thread when
 * none runs), every reply goes to `onMessage`, and when the thread fails or exits on its own it is
 * forgotten and `onCrash` says why, so the owner can fail what it still owed. `terminate` ends it
 * at once (the only way to stop a long synchronous step such as a runaway regex); the next `post`
 * starts a fresh one. The owner keeps its own requests, ids and time limits.
 */

import { Worker } from 'node:worker_threads';

export interface WorkerHostHandlers<TReply> {
	/** Called as each new thread is created (before it has loaded). */
	onStart?: () => void;
	onMessage: (reply: TReply) => void;
	/** The running thread failed (`error`) or exited by itself (`exitCode`); it is already forgotten. */
	onCrash: (cause: { error: Error } | { exitCode: number }) => void;
}

export class WorkerHost<TRequest, TReply> {
	private worker: Worker | undefined;

	constructor(
		private readonly path: string,
		private readonly handlers: WorkerHostHandlers<TReply>,
	) {}

	/** Sends `message`, starting the thread first when none runs. */
	post(message: TRequest): void {
		this.ensure().postMessage(message);
	}

	/** Sends `message` only to a thread that runs now (a cancellation needs no new thread). */
	postIfRunning(message: TRequest): void {
		this.worker?.postMessage(message);
	}

	/** Ends the running thread, if any, without reporting a crash. */
	terminate(): void {
		const worker = this.worker;
		this.worker = undefined;
		void worker?.terminate();
	}

	private ensure(): Worker {
		if (this.worker) {
			return this.worker;
		}
		this.handlers.onStart?.();
		const worker = new Worker(this.path);
		// The host may exit while the worker is idle.
		worker.unref();
		worker.on('message', (reply: TReply) => this.handlers.onMessage(reply));
		worker.on('error', (error) => this.crashed(worker, { error }));
		worker.on('exit', (exitCode) => this.crashed(worker, { exitCode }));
		this.worker = worker;
		return worker;
	}

	/** A thread that was terminated or replaced is no longer this host's business. */
	private crashed(worker: Worker, cause: { error: Error } | { exitCode: number }): void {
		if (this.worker !== worker) {
			return;
		}
		this.terminate();
		this.handlers.onCrash(cause);
	}
}
