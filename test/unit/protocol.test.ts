// The host validates every message from the webview: well-formed ones pass unchanged, anything
// else is dropped. Also the shared text formatting of decorations and the status bar.
import * as assert from 'node:assert/strict';
import { formatIndexLabel, isolate, statusText } from '../../src/shared/format';
import { maxFindQuery, maxWordsRequest, parseFromWebview, parsePanelState, PROTOCOL_VERSION, type FromWebview, type PanelState } from '../../src/shared/protocol';

describe('webview protocol', () => {
	const valid: FromWebview[] = [
		{ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION },
		{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 3, example: 0, start: 500, count: 500 },
		{ type: 'editor/revealToken', analysisId: 3, example: 1, row: 7 },
		{ type: 'matrix/wordsRequest', analysisId: 3, columns: [0, 4226, 9999] },
		{ type: 'matrix/compactRequest', requestId: 2, analysisId: 3, example: null },
		{ type: 'matrix/compactRequest', requestId: 2, analysisId: 3, example: 1 },
		{ type: 'matrix/findColumn', requestId: 4, analysisId: 3, query: 'holmes' },
		{ type: 'labels/toggle', analysisId: 3, example: 0, row: 5 },
		{ type: 'host/export' },
		{ type: 'host/copyCode', flavour: 'numpy' },
		{ type: 'host/copyCode', flavour: 'pytorch' },
	];

	it('accepts each well-formed message', () => {
		for (const message of valid) {
			assert.deepEqual(parseFromWebview(message), message);
		}
	});

	it('drops malformed messages', () => {
		const malformed: unknown[] = [
			undefined,
			null,
			42,
			'webview/ready',
			[],
			{},
			{ type: 'webview/unknown' },
			{ type: 'toString' },
			{ type: '__proto__' },
			{ type: 'webview/ready' },
			{ type: 'webview/ready', protocolVersion: '1' },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 3, example: 0, start: -1, count: 500 },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 3, example: 0, start: 0, count: 1.5 },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 3, example: 0, start: 0, count: Number.POSITIVE_INFINITY },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 3, example: 0, start: 0 },
			{ type: 'editor/revealToken', analysisId: 3, example: 0, row: Number.NaN },
			{ type: 'matrix/wordsRequest', analysisId: 3, columns: Array.from({ length: maxWordsRequest + 1 }, (_, k) => k) },
			{ type: 'matrix/wordsRequest', analysisId: 3, columns: [1, -2] },
			{ type: 'matrix/wordsRequest', analysisId: 3, columns: '1,2' },
			{ type: 'matrix/compactRequest', requestId: 2, analysisId: 3 },
			{ type: 'matrix/compactRequest', requestId: 2, analysisId: 3, example: 'all' },
			{ type: 'matrix/findColumn', requestId: 4, analysisId: 3, query: 'x'.repeat(maxFindQuery + 1) },
			{ type: 'matrix/findColumn', requestId: 4, analysisId: 3, query: 42 },
			{ type: 'labels/toggle', analysisId: 3, example: 0 },
			{ type: 'labels/toggle', analysisId: 3, example: 0, row: -1 },
			{ type: 'host/copyCode', flavour: 'julia' },
			{ type: 'host/copyCode' },
		];
		for (const message of malformed) {
			assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
		}
	});
});

describe('panel state kept across a reload', () => {
	const state: PanelState = {
		view: 'zoom',
		batch: false,
		zoomStart: 4220,
		compactStart: 0,
		analysisId: 3,
		documentUri: 'file:///w/reference.txt',
		example: 0,
		selectedRow: -1,
		scrollTop: 0,
	};

	it('accepts a saved state', () => {
		assert.deepEqual(parsePanelState(state), state);
	});

	it('rejects a state it did not write', () => {
		for (const bad of [undefined, null, [], { ...state, view: 'sideways' }, { ...state, zoomStart: -1 }, { ...state, selectedRow: -2 }, { ...state, scrollTop: Number.NaN }, { ...state, documentUri: 5 }, { ...state, batch: 'yes' }]) {
			assert.equal(parsePanelState(bad), undefined, JSON.stringify(bad));
		}
	});
});

describe('decoration and status text', () => {
	it('formats the index after a token for each indexFormat', () => {
		assert.equal(formatIndexLabel('{index}', 2, 4227, false, '<UNK>'), '4227');
		assert.equal(formatIndexLabel('⟨{t}⟩ {index}', 2, 4227, false, '<UNK>'), '⟨2⟩ 4227');
		assert.equal(formatIndexLabel('{t}:{index}', 8, 10_000, true, '<UNK>'), '8:10000 <UNK>');
		assert.equal(formatIndexLabel('off', 8, 10_000, true, '<UNK>'), '');
	});

	it('wraps after-text in bidi isolates', () => {
		assert.equal(isolate('10000 <UNK>'), '\u206810000 <UNK>\u2069');
	});

	it('writes the status bar figure', () => {
		assert.equal(statusText([12], 1), 'T_x 12 · <UNK> 1 (8.3%)');
		assert.equal(statusText([0], 0), 'T_x 0 · <UNK> 0');
		assert.equal(statusText([12, 5], 2), 'm 2 · T_x 17 · <UNK> 2 (11.8%)');
	});
});
