import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ExternalOutputError, parseExternalSpans } from '../../src/core/ner/externalSpans';
import { ExternalTaggerError, runExternalTagger } from '../../src/extension/labels/externalTagger';
import { findRepoRoot } from '../support/repoRoot';

const taggers = path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'taggers');
const tagger = (name: string, ...args: string[]) => [process.execPath, path.join(taggers, name), ...args];

describe('external tagger output', () => {
	const text = 'Ada met 😀 Bob.';

	it('reads a list of UTF-16 spans and fills in their text', () => {
		const spans = parseExternalSpans('[{"start":0,"end":3,"type":"PER"},{"start":11,"end":14,"type":"PER"}]', text);
		assert.deepEqual(
			spans.map((s) => [s.text, s.source]),
			[
				['Ada', 'external'],
				['Bob', 'external'],
			],
		);
	});

	it('converts code-point offsets when the tagger says it counts code points', () => {
		const [bob] = parseExternalSpans('{"offsets":"codepoints","spans":[{"start":10,"end":13,"type":"PER"}]}', text);
		assert.deepEqual([bob.start, bob.end, bob.text], [11, 14, 'Bob']);
	});

	it('names what is wrong with malformed output', () => {
		const bad: [string, RegExp][] = [
			['not json', /not JSON/],
			['{"spans": 3}', /neither a list/],
			['[{"start":0,"end":3,"type":"PERSON"}]', /span 1: type "PERSON"/],
			['[{"start":0,"end":3,"type":"PER"},{"start":5,"end":99,"type":"LOC"}]', /span 2: 5…99/],
			['[{"start":"0","end":3,"type":"PER"}]', /whole numbers/],
			['[null]', /span 1 is not an object/],
		];
		for (const [output, message] of bad) {
			assert.throws(() => parseExternalSpans(output, text), (error: Error) => error instanceof ExternalOutputError && message.test(error.message), output);
		}
	});
});

describe('external tagger process', function () {
	this.timeout(20000);
	const text = 'Ada Lovelace met Charles Babbage.';

	it('passes the text on stdin and reads the spans it prints', async () => {
		const spans = await runExternalTagger(text, { command: tagger('good.cjs'), timeoutMs: 10000 });
		assert.deepEqual(
			spans.map((s) => s.text),
			['Ada', 'Lovelace', 'Charles', 'Babbage'],
		);
		assert.ok(spans.every((s) => s.type === 'PER' && s.source === 'external'));
	});

	it('maps a code-point tagger’s offsets onto text with astral characters', async () => {
		const spans = await runExternalTagger('😀😀 Zoë and Ann', { command: tagger('good.cjs', '--codepoints'), timeoutMs: 10000 });
		assert.deepEqual(
			spans.map((s) => s.text),
			['Zoë', 'Ann'],
		);
	});

	it('reports output that is not JSON', async () => {
		await assert.rejects(runExternalTagger(text, { command: tagger('garbage.cjs'), timeoutMs: 10000 }), (error: Error) => error instanceof ExternalTaggerError && /not JSON/.test(error.message));
	});

	it('reports a crash with its exit code and the end of its error output', async () => {
		await assert.rejects(
			runExternalTagger(text, { command: tagger('crash.cjs'), timeoutMs: 10000 }),
			(error: Error) => error instanceof ExternalTaggerError && /exited with code 3: tagger model not found/.test(error.message),
		);
	});

	it('kills a tagger that does not answer in time, process and all', async () => {
		await assert.rejects(
			runExternalTagger(text, { command: tagger('hang.cjs'), timeoutMs: 300 }),
			(error: Error) => error instanceof ExternalTaggerError && /did not answer within 300 ms/.test(error.message),
		);
		// No hang.cjs may be left running.
		const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
			.split('\n')
			.filter((line) => line.includes(path.join(taggers, 'hang.cjs')));
		assert.deepEqual(left, []);
	});

	it('reports a program that cannot be started, without a shell', async () => {
		await assert.rejects(
			runExternalTagger(text, { command: ['sequence-lens-no-such-tagger'], timeoutMs: 10000 }),
			(error: Error) => error instanceof ExternalTaggerError && /could not be started: .*ENOENT/.test(error.message),
		);
		// A shell would have run the second command.
		await assert.rejects(runExternalTagger(text, { command: ['true;', 'echo', '[]'], timeoutMs: 10000 }), /could not be started/);
	});

	it('stops when cancelled', async () => {
		const controller = new AbortController();
		const run = runExternalTagger(text, { command: tagger('hang.cjs'), timeoutMs: 10000, signal: controller.signal });
		setTimeout(() => controller.abort(), 100);
		await assert.rejects(run, (error: Error) => error instanceof ExternalTaggerError && error.cancelled);
	});
});
