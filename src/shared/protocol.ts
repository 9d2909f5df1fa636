/**
 * The message contract between the extension host and the matrix webview. Both bundles import
 * this file; nothing else crosses the boundary. Payloads are plain JSON and O(T): a one-hot row is
 * described by its index, never by |V| numbers.
 */

import type { ConventionId } from '../core/conventions';

/** Bumped when a message changes shape; the webview shows a reload hint on a mismatch. */
export const PROTOCOL_VERSION = 1;

/** Largest row page the host answers; bigger requests are clamped. */
export const maxRowPage = 5000;

/** Figures of one example X^(i). */
export interface ExampleSummary {
	/** i of X^(i), 1-based. */
	i: number;
	T_x: number;
	unknownCount: number;
	/** y⟨t⟩ per token (1 inside a person's name) once labels have arrived; absent before. O(T). */
	labels?: number[];
	/** BIO tag per token, sent with `labels`. */
	tags?: string[];
}

/** Everything the webview needs before it pulls rows. */
export interface MatrixSummary {
	/** Changes whenever the analysis is replaced; pages of an older id are stale. */
	analysisId: number;
	/** The document's short name (user data: shown as text only). */
	documentName: string;
	/** |V|. */
	V: number;
	/** Index of the first vocabulary entry; one-hot column = index − base. */
	base: number;
	unkIndex: number;
	unkToken: string;
	padIndex: number | null;
	convention: ConventionId;
	conventionLabel: string;
	vocabulary: string;
	examples: ExampleSummary[];
}

/** Rows start … start + texts.length − 1 (0-based) of one example. */
export interface RowPage {
	analysisId: number;
	/** 0-based example position (i − 1). */
	example: number;
	start: number;
	texts: string[];
	indices: number[];
	/** 1 where the token is <UNK>. */
	unknown: number[];
}

// ──── host → webview ────────────────────────────────────────────

/** Answer to `webview/ready`, and sent again whenever the shown analysis changes. */
export interface SummaryMessage {
	type: 'matrix/summary';
	protocolVersion: number;
	/** null when there is nothing to show yet. */
	summary: MatrixSummary | null;
}

/** Answer to `matrix/rowsRequest`. */
export interface RowsResponseMessage {
	type: 'matrix/rowsResponse';
	requestId: number;
	page: RowPage;
}

/** The editor's cursor sits on token t of an example (or on no token: t = -1). */
export interface HighlightMessage {
	type: 'matrix/highlight';
	analysisId: number;
	example: number;
	/** 0-based row, or -1. */
	row: number;
}

export type ToWebview = SummaryMessage | RowsResponseMessage | HighlightMessage;

// ──── webview → host ────────────────────────────────────────────

/** The webview's script is running and wants the summary. */
export interface ReadyMessage {
	type: 'webview/ready';
	protocolVersion: number;
}

/** Pull rows of one example. */
export interface RowsRequestMessage {
	type: 'matrix/rowsRequest';
	requestId: number;
	analysisId: number;
	example: number;
	start: number;
	count: number;
}

/** Select and reveal a token in the editor (a row was activated in the matrix). */
export interface RevealTokenMessage {
	type: 'editor/revealToken';
	analysisId: number;
	example: number;
	row: number;
}

export type FromWebview = ReadyMessage | RowsRequestMessage | RevealTokenMessage;

// ──── validation (the host trusts nothing it receives) ──────────

type Shape<T> = (value: Record<string, unknown>) => value is Record<string, unknown> & T;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * One validator per message type. Typed as a Record over the union's discriminants, so adding a
 * message without a validator is a compile error: the union stays the single source of truth.
 */
const fromWebviewShapes: { [K in FromWebview['type']]: Shape<Extract<FromWebview, { type: K }>> } = {
	'webview/ready': (v): v is Record<string, unknown> & ReadyMessage => isCount(v.protocolVersion),
	'matrix/rowsRequest': (v): v is Record<string, unknown> & RowsRequestMessage =>
		isCount(v.requestId) && isCount(v.analysisId) && isCount(v.example) && isCount(v.start) && isCount(v.count),
	'editor/revealToken': (v): v is Record<string, unknown> & RevealTokenMessage =>
		isCount(v.analysisId) && isCount(v.example) && isCount(v.row),
};

/** The message when `value` is a well-formed FromWebview message, otherwise undefined. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return undefined;
	}
	const record = value as Record<string, unknown>;
	const type = record.type;
	if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(fromWebviewShapes, type)) {
		return undefined;
	}
	const shape = fromWebviewShapes[type as FromWebview['type']] as Shape<FromWebview>;
	return shape(record) ? (record as FromWebview) : undefined;
}

/** Formats the time-step notation x⟨t⟩, or X^(i)⟨t⟩ when there are several examples. */
export function stepLabel(t: number, i?: number): string {
	return i === undefined ? `x⟨${t}⟩` : `x^(${i})⟨${t}⟩`;
}
