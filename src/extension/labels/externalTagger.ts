/**
 * Runs the user's external tagger (setting `sequenceLens.labels.externalCommand`): the program
 * is started without a shell, gets `{ "text": … }` as JSON on stdin and prints spans as JSON
 * (core/ner/externalSpans.ts). It is killed at the time limit. No `vscode` here, so the unit
 * tests run it as it runs in the extension host.
 */

import { spawn } from 'node:child_process';
import { parseExternalSpans } from '../../core/ner/externalSpans';
import type { EntitySpan } from '../../core/ner/types';

export interface ExternalTaggerOptions {
	/** Program and arguments. */
	command: readonly string[];
	timeoutMs: number;
	cwd?: string;
	signal?: AbortSignal;
}

export class ExternalTaggerError extends Error {
	constructor(
		message: string,
		readonly cancelled = false,
	) {
		super(message);
	}
}

/** More output than any span list of a sane text needs: past it the tagger is stopped. */
const maxOutputBytes = 64 * 1024 * 1024;

export function runExternalTagger(text: string, options: ExternalTaggerOptions): Promise<EntitySpan[]> {
	const [program, ...args] = options.command;
	if (!program) {
		return Promise.reject(new ExternalTaggerError('no program is set'));
	}
	return new Promise<EntitySpan[]>((resolve, reject) => {
		// Its own process group (not on Windows), so a tagger script's children die with it.
		const group = process.platform !== 'win32';
		const child = spawn(program, args, { shell: false, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: group, windowsHide: true });
		const out: Buffer[] = [];
		let outBytes = 0;
		let errTail = '';
		let failure: ExternalTaggerError | undefined;
		let settled = false;
		const kill = (reason: ExternalTaggerError) => {
			failure ??= reason;
			try {
				if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
				else child.kill('SIGKILL');
			} catch {
				// Already gone.
			}
		};
		const timer = setTimeout(() => kill(new ExternalTaggerError(`it did not answer within ${options.timeoutMs} ms and was stopped`)), options.timeoutMs);
		const onAbort = () => kill(new ExternalTaggerError('cancelled', true));
		options.signal?.addEventListener('abort', onAbort, { once: true });
		const finish = (error: ExternalTaggerError | undefined, spans?: EntitySpan[]) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			if (error) reject(error);
			else resolve(spans ?? []);
		};
		child.on('error', (error) => finish(new ExternalTaggerError(`“${program}” could not be started: ${error.message}`)));
		child.stdout.on('data', (chunk: Buffer) => {
			outBytes += chunk.length;
			if (outBytes > maxOutputBytes) kill(new ExternalTaggerError(`it printed more than ${maxOutputBytes / 1024 / 1024} MB and was stopped`));
			else out.push(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			errTail = (errTail + chunk.toString('utf8')).slice(-400);
		});
		// A tagger that exits without reading its input closes the pipe under us: its exit code says more.
		child.stdin.on('error', () => undefined);
		child.on('close', (code, signal) => {
			if (failure) return finish(failure);
			if (code !== 0) {
				const detail = errTail.trim() ? `: ${errTail.trim().split('\n').slice(-3).join(' ')}` : '';
				return finish(new ExternalTaggerError(signal ? `it was killed by ${signal}${detail}` : `it exited with code ${code}${detail}`));
			}
			try {
				finish(undefined, parseExternalSpans(Buffer.concat(out).toString('utf8'), text));
			} catch (error) {
				finish(new ExternalTaggerError(error instanceof Error ? error.message : String(error)));
			}
		});
		child.stdin.end(JSON.stringify({ text }));
	});
}
