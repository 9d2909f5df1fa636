// Fuzzing the two readers of outside data that are not vocabulary files: the CoNLL reader (files
// users import) and the webview message validator (the host trusts nothing the webview sends).
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ConllParseError, parseConll } from '../../src/core/export/conllReader';
import { codeFlavours, columnViews, maxFindQuery, maxRowPage, maxWordsRequest, parseFromWebview, parsePanelState, PROTOCOL_VERSION } from '../../src/shared/protocol';

const conllPieces = ['Holmes', 'B-PER', 'I-PER', 'O', 'NNP', '-DOCSTART-', ' ', '\t', '\u00a0', '\u3000', '\n', '\r\n', '\r', '\u2028', '', '221B', '\ufeff', '\ud800', 'e\u0301'];
const conllText = fc.oneof(
	fc.array(fc.constantFrom(...conllPieces), { maxLength: 60 }).map((parts) => parts.join('')),
	fc.string({ unit: 'binary', maxLength: 120 }),
);

describe('CoNLL reader (fuzzed)', () => {
	it('returns sentences or throws ConllParseError with a line of the input, nothing else', () => {
		fc.assert(
			fc.property(conllText, (text) => {
				let sentences;
				try {
					sentences = parseConll(text);
				} catch (error) {
					assert.ok(error instanceof ConllParseError, String(error));
					assert.ok(Number.isSafeInteger(error.line) && error.line >= 1);
					return;
				}
				for (const sentence of sentences) {
					assert.ok(sentence.tokens.length > 0, 'no empty sentence');
					assert.equal(sentence.tags.length, sentence.tokens.length);
					assert.ok(sentence.line >= 1);
					for (let t = 0; t < sentence.tokens.length; t++) {
						assert.equal(sentence.text.slice(sentence.starts[t], sentence.ends[t]), sentence.tokens[t]);
						assert.doesNotMatch(sentence.tokens[t], /\s/u, 'a token holds no whitespace');
						assert.notEqual(sentence.tags[t], '');
					}
				}
			}),
			{ numRuns: 2000 },
		);
	});
});

/** Any JSON value, and objects that look like messages with arbitrary field values. */
const anyJson = fc.jsonValue({ maxDepth: 4 });
const field = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.constantFrom(-1, 0, 1, maxRowPage + 1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, -0),
	fc.string(),
	fc.constant(null),
	fc.constant(undefined),
	anyJson,
	fc.array(fc.oneof(fc.nat(), fc.integer(), fc.double()), { maxLength: 8 }),
	fc.array(fc.nat(), { minLength: maxWordsRequest, maxLength: maxWordsRequest + 1 }),
	fc.string({ minLength: maxFindQuery - 1, maxLength: maxFindQuery + 1 }),
	fc.constantFrom(...codeFlavours, 'NumPy', 'tensorflow'),
);
const types = [
	'webview/ready', 'matrix/rowsRequest', 'editor/revealToken', 'matrix/wordsRequest', 'matrix/compactRequest', 'matrix/findColumn', 'labels/toggle', 'host/export', 'host/copyCode',
	'matrix/summary', 'matrix/rowsResponse', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '',
];
const messageLike = fc.record(
	{
		type: fc.oneof(fc.constantFrom(...types), fc.string()),
		protocolVersion: field,
		requestId: field,
		analysisId: field,
		example: field,
		start: field,
		count: field,
		row: field,
		columns: field,
		query: field,
		flavour: field,
	},
	{ requiredKeys: ['type'] },
);
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

describe('webview message validation (fuzzed)', () => {
	it('never throws on arbitrary JSON, and what it accepts is a well-formed message', () => {
		fc.assert(
			fc.property(fc.oneof(anyJson, messageLike), (value) => {
				const parsed = parseFromWebview(value);
				if (parsed === undefined) {
					return;
				}
				switch (parsed.type) {
					case 'webview/ready':
						assert.ok(isCount(parsed.protocolVersion));
						break;
					case 'matrix/rowsRequest':
						assert.ok([parsed.requestId, parsed.analysisId, parsed.example, parsed.start, parsed.count].every(isCount));
						break;
					case 'editor/revealToken':
					case 'labels/toggle':
						assert.ok([parsed.analysisId, parsed.example, parsed.row].every(isCount));
						break;
					case 'matrix/wordsRequest':
						assert.ok(isCount(parsed.analysisId) && Array.isArray(parsed.columns) && parsed.columns.length <= maxWordsRequest && parsed.columns.every(isCount));
						break;
					case 'matrix/compactRequest':
						assert.ok(isCount(parsed.requestId) && isCount(parsed.analysisId) && (parsed.example === null || isCount(parsed.example)));
						break;
					case 'matrix/findColumn':
						assert.ok(isCount(parsed.requestId) && isCount(parsed.analysisId) && typeof parsed.query === 'string' && parsed.query.length <= maxFindQuery);
						break;
					case 'host/export':
						break;
					case 'host/copyCode':
						assert.ok((codeFlavours as readonly unknown[]).includes(parsed.flavour));
						break;
					default:
						assert.fail(`accepted a message of type ${JSON.stringify((parsed as { type: unknown }).type)}`);
				}
			}),
			{ numRuns: 1500 },
		);
	});

	it('rejects a well-formed message once any required field is removed or made wrong', () => {
		// Values that are wrong for each field: counts get non-counts, the others their own misfits.
		const wrongFor: Record<string, unknown[]> = {
			columns: [[-1], [1.5], ['1'], 'x', {}, new Array(maxWordsRequest + 1).fill(0)],
			query: [7, null, [], 'q'.repeat(maxFindQuery + 1)],
			flavour: ['NumPy', 'tensorflow', 1, null],
		};
		const countWrong = [-1, 1.5, '1', null, Number.NaN, [], {}];
		const valid = [
			{ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 2, example: 0, start: 0, count: 10 },
			{ type: 'editor/revealToken', analysisId: 2, example: 0, row: 3 },
			{ type: 'matrix/wordsRequest', analysisId: 2, columns: [0, 5, 9999] },
			{ type: 'matrix/compactRequest', requestId: 4, analysisId: 2, example: 0 },
			{ type: 'matrix/findColumn', requestId: 5, analysisId: 2, query: 'holmes' },
			{ type: 'labels/toggle', analysisId: 2, example: 0, row: 1 },
			{ type: 'host/copyCode', flavour: 'numpy' },
		];
		fc.assert(
			fc.property(fc.constantFrom(...valid), fc.nat(), fc.nat(), fc.boolean(), (message, pick, which, remove) => {
				const keys = Object.keys(message).filter((k) => k !== 'type');
				const key = keys[pick % keys.length];
				const broken: Record<string, unknown> = { ...message };
				const wrong = (wrongFor[key] ?? countWrong).filter((v) => !(key === 'example' && message.type === 'matrix/compactRequest' && v === null));
				if (remove) {
					delete broken[key];
				} else {
					broken[key] = wrong[which % wrong.length];
				}
				assert.equal(parseFromWebview(broken), undefined, JSON.stringify(broken));
				assert.deepEqual(parseFromWebview({ ...message }), message);
			}),
			{ numRuns: 500 },
		);
	});

	it('a restored panel state (persisted by the webview) is accepted only when every field is in range', () => {
		// Mostly valid fields, so that whole states pass and the accepted side is exercised too.
		const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: field, weight: 1 });
		const stateLike = fc.record(
			{
				view: mostly(fc.constantFrom(...columnViews, 'Overview', '')),
				batch: mostly(fc.boolean()),
				zoomStart: mostly(fc.nat()),
				compactStart: mostly(fc.nat()),
				analysisId: mostly(fc.nat()),
				documentUri: mostly(fc.oneof(fc.constant('file:///a.txt'), fc.string())),
				example: mostly(fc.nat()),
				selectedRow: mostly(fc.integer({ min: -2, max: 100 })),
				scrollTop: mostly(fc.double({ min: -1, max: 1e6, noNaN: true })),
			},
			{ requiredKeys: [] },
		);
		let accepted = 0;
		fc.assert(
			fc.property(fc.oneof(anyJson, stateLike), (value) => {
				const state = parsePanelState(value);
				if (state === undefined) {
					return;
				}
				accepted++;
				assert.ok((columnViews as readonly string[]).includes(state.view));
				assert.equal(typeof state.batch, 'boolean');
				assert.ok([state.zoomStart, state.compactStart, state.analysisId, state.example].every(isCount));
				assert.ok(Number.isSafeInteger(state.selectedRow) && state.selectedRow >= -1);
				assert.ok(Number.isFinite(state.scrollTop) && state.scrollTop >= 0);
			}),
			{ numRuns: 1000 },
		);
		assert.ok(accepted > 0, 'some generated states are valid');
	});
});
