/** Messages between the host's RegexGuard and the regex worker thread. */

export interface RegexRequest {
	id: number;
	pattern: string;
	text: string;
}

export type RegexReply =
	/** The worker begins this request now: its time limit starts here, not while it waited. */
	| { id: number; type: 'started' }
	| { id: number; type: 'spans'; count: number; starts: Int32Array; ends: Int32Array }
	| { id: number; type: 'error'; message: string };
