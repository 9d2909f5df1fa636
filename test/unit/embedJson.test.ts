import * as assert from 'node:assert/strict';
import { embedJson } from '../../src/shared/embedJson';

describe('embedJson (the matrix panel\'s first summary inside its HTML)', () => {
	it('leaves no < in the text, so </script> and <!-- in document text cannot end the data block', () => {
		const hostile = { texts: ['</script><img src=x onerror=alert(1)>', '<!-- x', '</SCRIPT >'] };
		const embedded = embedJson(hostile);
		assert.equal(embedded.includes('<'), false);
		assert.deepEqual(JSON.parse(embedded), hostile);
	});

	it('round-trips line and paragraph separators and other text unchanged', () => {
		const value = { text: 'a\u2028b\u2029c “Holmes” 221B & <UNK>', n: [1, 2, 10000] };
		const embedded = embedJson(value);
		assert.equal(/[\u2028\u2029]/.test(embedded), false);
		assert.deepEqual(JSON.parse(embedded), value);
	});
});
