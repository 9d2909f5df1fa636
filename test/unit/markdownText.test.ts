import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { markdownCode, markdownText } from '../../src/extension/editor/markdownText';

describe('markdownText', () => {
	it('escapes emphasis, links, code and HTML so they show as typed', () => {
		assert.equal(markdownText('**bold**'), '\\*\\*bold\\*\\*');
		assert.equal(markdownText('[link](command:workbench.action.quit)'), '\\[link\\]\\(command:workbench.action.quit\\)');
		assert.equal(markdownText('`code` <b>x</b> &amp;'), '\\`code\\` \\<b\\>x\\</b\\> \\&amp;');
		assert.equal(markdownText('a\\b'), 'a\\\\b');
	});

	it('keeps runs of spaces and tabs visible and turns line breaks into spaces', () => {
		assert.equal(markdownText('a  b\tc'), 'a&nbsp;&nbsp;b&nbsp;c');
		assert.equal(markdownText('a\r\nb\nc'), 'a b c');
	});

	it('leaves letters, digits and other scripts alone', () => {
		assert.equal(markdownText('Holmes 221B Ελλάδα 東京'), 'Holmes 221B Ελλάδα 東京');
	});
});

/**
 * What a CommonMark reader shows for `span` when it is read as one code span, or undefined when
 * it would not be one: the opening backtick run must be closed by a run of the same length (and
 * no shorter one inside may match it), and one space is stripped from each side when both sides
 * have one and the content is not only spaces.
 */
function readCodeSpan(span: string): string | undefined {
	const open = /^`+/.exec(span)?.[0];
	const close = /`+$/.exec(span)?.[0];
	if (!open || open !== close || span.length < 2 * open.length) {
		return undefined;
	}
	const content = span.slice(open.length, span.length - open.length);
	if ((content.match(/`+/g) ?? []).some((run) => run.length === open.length) || content.startsWith('`') || content.endsWith('`')) {
		return undefined;
	}
	return content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content) ? content.slice(1, -1) : content;
}

describe('markdownCode', () => {
	it('fences plain text with one backtick', () => {
		assert.equal(markdownCode('<UNK>'), '`<UNK>`');
		assert.equal(markdownCode('B-PER'), '`B-PER`');
	});

	it('uses a fence longer than the longest backtick run, padded when the text starts or ends with one', () => {
		assert.equal(markdownCode('a`b'), '``a`b``');
		assert.equal(markdownCode('`UNK`'), '`` `UNK` ``');
		assert.equal(markdownCode('x``y`'), '``` x``y` ```');
		assert.equal(markdownCode('`'), '`` ` ``');
	});

	it('keeps spaces on both sides, which a code span would strip one of', () => {
		assert.equal(markdownCode(' a '), '`  a  `');
		assert.equal(markdownCode('  '), '`  `');
		assert.equal(markdownCode(' a'), '` a`');
	});

	it('turns line breaks into spaces, so no line of the text is read as a heading or list', () => {
		assert.equal(markdownCode('a\n# b\r\nc'), '`a # b c`');
	});

	it('reads back as exactly the text for any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('`', ' ', 'a', '\\', '*', '\n') }), (text) => {
				assert.equal(readCodeSpan(markdownCode(text)), text === '' ? ' ' : text.replace(/\n/g, ' '));
			}),
			{ numRuns: 2000 },
		);
	});
});
