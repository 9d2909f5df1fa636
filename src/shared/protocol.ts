/**
 * The message contract between the extension host and the matrix webview. Both bundles import
 * this file; nothing else crosses the boundary. Payloads are plain JSON and O(T): a one-hot row is
 * described by its index, never by |V| numbers.
 */

import type { ConventionId } from '../core/conventions';

/** Bumped when a message changes shape; the webview shows a reload hint on a mismatch. */
export const PROTOCOL_VERSION = 2;

/** Rows the webview pulls per request: pages keep messages small while scrolling a long analysis. */
export const rowPageSize = 500;

/** Largest row page the host answers; bigger requests are clamped. */
export const maxRowPage = 5000;

/** Most column words asked for in one request: a screenful of zoom or compact cells, never |V|. */
export const maxWordsRequest = 512;

/** Longest text the "go to index or word" box sends. */
export const maxFindQuery = 200;

/** The snippet flavours of "Copy as code". */
export const codeFlavours = ['numpy', 'pytorch'] as const;
export type CodeFlavour = (typeof codeFlavours)[number];

/** Figures of one example X^(i). */
export interface ExampleSummary {
	/** i of X^(i), 1-based. */
	i: number;
	T_x: number;
	unknownCount: number;
	/** Set once labels have arrived: row pages then carry y⟨t⟩ and the BIO tags. */
	labelled?: true;
	/**
	 * y⟨t⟩ of the first `labelHeadLength` tokens (1 inside a person's name), for the y row under
	 * the token strip; the rest come with the row pages, so the summary stays small for any T.
	 */
	labelHead?: number[];
}

/** Everything the webview needs before it pulls rows. */
export interface MatrixSummary {
	/** Changes whenever the analysis is replaced; pages of an older id are stale. */
	analysisId: number;
	/** Changes when the labels change; pages pulled before hold stale labels. */
	labelsVersion: number;
	/** The document's short name (user data: shown as text only). */
	documentName: string;
	/** The document's URI, as `Uri.toString()` (kept in the panel state across a reload). */
	documentUri: string;
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
	/** A caveat shown with the figures, already localised: set for a subword vocabulary. */
	vocabularyNote?: string;
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
	/** y⟨t⟩ of these rows, when the example is labelled. */
	labels?: number[];
	/** BIO tag of these rows, sent with `labels`. */
	tags?: string[];
}

/** How many y⟨t⟩ values the summary carries per example (the strip shows as many tokens). */
export const labelHeadLength = 200;

// ──── host → webview ────────────────────────────────────────────

/** Answer to `webview/ready`, and sent again whenever the shown analysis changes. */
export interface SummaryMessage {
	type: 'matrix/summary';
	protocolVersion: number;
	/** null when there is nothing to show yet. */
	summary: MatrixSummary | null;
	/** The first row page of the first example, sent along so the first paint needs no round trip. */
	firstPage?: RowPage;
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

/** Vocabulary words of some one-hot columns (the column labels of the zoom and compact views). */
export interface WordsResponseMessage {
	type: 'matrix/wordsResponse';
	analysisId: number;
	columns: number[];
	/** words[k] is the entry of column columns[k] (user data: shown as text only). */
	words: string[];
}

/** Answer to `matrix/compactRequest`: the distinct columns holding a 1, ascending. */
export interface CompactResponseMessage {
	type: 'matrix/compactResponse';
	requestId: number;
	analysisId: number;
	/** The example asked about, or null for all examples together. */
	example: number | null;
	columns: number[];
}

/** Answer to `matrix/findColumn`: the column of the word, or null when it is not in the vocabulary. */
export interface FindResponseMessage {
	type: 'matrix/findResponse';
	requestId: number;
	analysisId: number;
	query: string;
	column: number | null;
}

export type ToWebview =
	| SummaryMessage
	| RowsResponseMessage
	| HighlightMessage
	| WordsResponseMessage
	| CompactResponseMessage
	| FindResponseMessage;

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

/** Ask for the words of some columns (at most `maxWordsRequest`). */
export interface WordsRequestMessage {
	type: 'matrix/wordsRequest';
	analysisId: number;
	columns: number[];
}

/** Ask which columns hold a 1 in one example (or, with null, in all of them). */
export interface CompactRequestMessage {
	type: 'matrix/compactRequest';
	requestId: number;
	analysisId: number;
	example: number | null;
}

/** Look a word up in the analysis's vocabulary, normalised as its tokens were. */
export interface FindColumnMessage {
	type: 'matrix/findColumn';
	requestId: number;
	analysisId: number;
	query: string;
}

/** Flip y⟨t⟩ of one token (the host runs `sequenceLens.toggleLabel` on its document offsets). */
export interface ToggleLabelMessage {
	type: 'labels/toggle';
	analysisId: number;
	example: number;
	row: number;
}

/** Run the Export… command on the shown analysis. */
export interface ExportMessage {
	type: 'host/export';
}

/** Copy the shown indices as a NumPy or PyTorch snippet to the clipboard. */
export interface CopyCodeMessage {
	type: 'host/copyCode';
	flavour: CodeFlavour;
}

export type FromWebview =
	| ReadyMessage
	| RowsRequestMessage
	| RevealTokenMessage
	| WordsRequestMessage
	| CompactRequestMessage
	| FindColumnMessage
	| ToggleLabelMessage
	| ExportMessage
	| CopyCodeMessage;

// ──── validation (the host trusts nothing it receives) ──────────

type Shape<T> = (value: Record<string, unknown>) => value is Record<string, unknown> & T;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isColumnList = (v: unknown): v is number[] => Array.isArray(v) && v.length <= maxWordsRequest && v.every(isCount);
const isFlavour = (v: unknown): v is CodeFlavour => typeof v === 'string' && (codeFlavours as readonly string[]).includes(v);

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
	'matrix/wordsRequest': (v): v is Record<string, unknown> & WordsRequestMessage => isCount(v.analysisId) && isColumnList(v.columns),
	'matrix/compactRequest': (v): v is Record<string, unknown> & CompactRequestMessage =>
		isCount(v.requestId) && isCount(v.analysisId) && (v.example === null || isCount(v.example)),
	'matrix/findColumn': (v): v is Record<string, unknown> & FindColumnMessage =>
		isCount(v.requestId) && isCount(v.analysisId) && typeof v.query === 'string' && v.query.length <= maxFindQuery,
	'labels/toggle': (v): v is Record<string, unknown> & ToggleLabelMessage => isCount(v.analysisId) && isCount(v.example) && isCount(v.row),
	'host/export': (_v): _v is Record<string, unknown> & ExportMessage => true,
	'host/copyCode': (v): v is Record<string, unknown> & CopyCodeMessage => isFlavour(v.flavour),
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

// ──── the state a panel keeps across hide/show and window reload ────

export const columnViews = ['overview', 'zoom', 'compact'] as const;
export type ColumnView = (typeof columnViews)[number];

/**
 * What the webview saves with `setState`; VS Code hands it back to the panel serializer after a
 * window reload, so the host validates it like any message.
 */
export interface PanelState {
	view: ColumnView;
	/** All examples as one padded batch instead of one example at a time. */
	batch: boolean;
	/** First slot shown by the zoom and compact views. */
	zoomStart: number;
	compactStart: number;
	/** The analysis shown when the state was saved (ids do not survive a reload). */
	analysisId: number;
	/** The document it belongs to, as `Uri.toString()`. */
	documentUri: string;
	example: number;
	selectedRow: number;
	scrollTop: number;
}

/** The state when `value` is a well-formed PanelState, otherwise undefined. */
export function parsePanelState(value: unknown): PanelState | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return undefined;
	}
	const v = value as Record<string, unknown>;
	const ok =
		typeof v.view === 'string' &&
		(columnViews as readonly string[]).includes(v.view) &&
		typeof v.batch === 'boolean' &&
		isCount(v.zoomStart) &&
		isCount(v.compactStart) &&
		isCount(v.analysisId) &&
		typeof v.documentUri === 'string' &&
		v.documentUri.length <= 10_000 &&
		isCount(v.example) &&
		typeof v.selectedRow === 'number' &&
		Number.isSafeInteger(v.selectedRow) &&
		v.selectedRow >= -1 &&
		typeof v.scrollTop === 'number' &&
		Number.isFinite(v.scrollTop) &&
		v.scrollTop >= 0;
	return ok ? (v as unknown as PanelState) : undefined;
}
