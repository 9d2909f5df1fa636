// Decoration text from the display settings, and the checks the config reader applies to values
// typed by hand into settings.json.
import * as assert from 'node:assert/strict';
import { afterText } from '../../src/extension/editor/afterText';
import { boundedInteger, unknownTokenSetting } from '../../src/extension/settingValues';

describe('decoration text from the settings', () => {
	const all = { format: '{index}', showIndices: true, showUnknownMarker: true };

	it('writes the index, and the marker after an unknown token', () => {
		assert.equal(afterText(all, 2, 4076, false, '<UNK>'), '4076');
		assert.equal(afterText(all, 8, 10000, true, '<UNK>'), '10000 <UNK>');
		assert.equal(afterText({ ...all, format: '⟨{t}⟩ {index}' }, 8, 10000, true, '<unk>'), '⟨8⟩ 10000 <unk>');
	});

	it('drops the marker when showUnknownMarker is off', () => {
		assert.equal(afterText({ ...all, showUnknownMarker: false }, 8, 10000, true, '<UNK>'), '10000');
	});

	it('keeps only the marker when showIndices is off', () => {
		const markerOnly = { ...all, showIndices: false };
		assert.equal(afterText(markerOnly, 2, 4076, false, '<UNK>'), '');
		assert.equal(afterText(markerOnly, 8, 10000, true, '<UNK>'), '<UNK>');
		assert.equal(afterText({ ...markerOnly, showUnknownMarker: false }, 8, 10000, true, '<UNK>'), '');
	});

	it('draws nothing for the off format, whatever the toggles say', () => {
		assert.equal(afterText({ ...all, format: 'off' }, 8, 10000, true, '<UNK>'), '');
	});
});

describe('setting values', () => {
	it('clamps and rounds a debounce into its bounds, and falls back for non-numbers', () => {
		assert.equal(boundedInteger(10, 50, 5000, 250), 50);
		assert.equal(boundedInteger(99999, 50, 5000, 250), 5000);
		assert.equal(boundedInteger(300.6, 50, 5000, 250), 301);
		assert.equal(boundedInteger('300', 50, 5000, 250), 250);
		assert.equal(boundedInteger(Number.NaN, 50, 5000, 250), 250);
	});

	it('accepts one short token as the unknown spelling, else the convention keeps its own', () => {
		assert.equal(unknownTokenSetting(' <unk> '), '<unk>');
		assert.equal(unknownTokenSetting('two words'), '');
		assert.equal(unknownTokenSetting('x'.repeat(51)), '');
		assert.equal(unknownTokenSetting(42), '');
	});
});
