// Fuzzing the two readers of outside data that are not vocabulary files: the CoNLL reader (files
// users import) and the webview message validator (the host trusts nothing the webview sends).
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ConllParseError, parseConll } from '../../src/core/export/conllReader';
import { maxRowPage, parseFromWebview, PROTOCOL_VERSION } from '../../src/shared/protocol';

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
);
const types = ['webview/ready', 'matrix/rowsRequest', 'editor/revealToken', 'matrix/summary', 'matrix/rowsResponse', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
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
						assert.ok([parsed.analysisId, parsed.example, parsed.row].every(isCount));
						break;
					default:
						assert.fail(`accepted a message of type ${JSON.stringify((parsed as { type: unknown }).type)}`);
				}
			}),
			{ numRuns: 3000 },
		);
	});

	it('rejects a well-formed message once any required field is removed or made wrong', () => {
		const wrong = fc.constantFrom(-1, 1.5, '1', null, Number.NaN, [], {});
		const valid = [
			{ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION },
			{ type: 'matrix/rowsRequest', requestId: 1, analysisId: 2, example: 0, start: 0, count: 10 },
			{ type: 'editor/revealToken', analysisId: 2, example: 0, row: 3 },
		];
		fc.assert(
			fc.property(fc.constantFrom(...valid), fc.nat(), fc.option(wrong), (message, pick, replacement) => {
				const keys = Object.keys(message).filter((k) => k !== 'type');
				const key = keys[pick % keys.length];
				const broken: Record<string, unknown> = { ...message };
				if (replacement === null) {
					delete broken[key];
				} else {
					broken[key] = replacement;
				}
				assert.equal(parseFromWebview(broken), undefined, JSON.stringify(broken));
				assert.deepEqual(parseFromWebview({ ...message }), message);
			}),
			{ numRuns: 500 },
		);
	});
});
