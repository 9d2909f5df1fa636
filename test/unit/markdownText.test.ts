import * as assert from 'node:assert/strict';
import { markdownText } from '../../src/extension/editor/markdownText';

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
