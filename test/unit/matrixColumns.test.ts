// The zoom and compact views' column maths, the batch view's row addressing and the scroll
// mapping for analyses taller than a browser lets an element be.
import * as assert from 'node:assert/strict';
import { batchLength, batchRow, batchRowCount, batchRowOf } from '../../src/webview/matrix/batchRows';
import {
	cellWidth,
	clampStart,
	compactStrip,
	gapSize,
	gapWidth,
	maxStart,
	placeSlots,
	slotInView,
	startCentredOn,
	zoomStrip,
	type Slot,
} from '../../src/webview/matrix/columns';
import { contentTop, maxScrollHeight, scrollHeight, scrollTopFor } from '../../src/webview/matrix/scrollMap';

const slots = (strip: ReturnType<typeof compactStrip>): Slot[] => Array.from({ length: strip.count }, (_, k) => strip.slot(k));

describe('matrix columns', () => {
	describe('compactStrip', () => {
		it('keeps the used columns in order, with a gap for every run of zero columns', () => {
			assert.deepEqual(slots(compactStrip([3, 4, 9], 12)), [
				{ kind: 'gap', from: 0, to: 2 },
				{ kind: 'column', column: 3 },
				{ kind: 'column', column: 4 },
				{ kind: 'gap', from: 5, to: 8 },
				{ kind: 'column', column: 9 },
				{ kind: 'gap', from: 10, to: 11 },
			]);
		});

		it('has no gap before column 0 or after the last column when they are used', () => {
			const strip = compactStrip([0, 9999], 10_000);
			assert.deepEqual(slots(strip), [
				{ kind: 'column', column: 0 },
				{ kind: 'gap', from: 1, to: 9998 },
				{ kind: 'column', column: 9999 },
			]);
			assert.equal(gapSize(strip.slot(1) as Extract<Slot, { kind: 'gap' }>), 9998);
			assert.equal(strip.slotOf(9999), 2);
			assert.equal(strip.slotOf(5), -1);
		});

		it('counts every column exactly once: used columns plus gap sizes make |V|', () => {
			// The reference sentence's 12 distinct columns, ascending (what the host's usedColumns sends).
			const used = [325, 562, 689, 4226, 4440, 4774, 5211, 5253, 7978, 8537, 9665, 9999];
			const strip = compactStrip(used, 10_000);
			let total = 0;
			for (const s of slots(strip)) {
				total += s.kind === 'column' ? 1 : gapSize(s);
			}
			assert.equal(total, 10_000);
			assert.equal(slots(strip).filter((s) => s.kind === 'column').length, 12);
		});

		it('is one gap when nothing is used', () => {
			assert.deepEqual(slots(compactStrip([], 5)), [{ kind: 'gap', from: 0, to: 4 }]);
		});
	});

	describe('placing slots', () => {
		it('places zoom cells side by side until the width is used', () => {
			const placed = placeSlots(zoomStrip(10_000), 4220, 5 * cellWidth + 1);
			assert.deepEqual(
				placed.map((p) => [p.k, p.x]),
				[
					[4220, 0],
					[4221, cellWidth],
					[4222, 2 * cellWidth],
					[4223, 3 * cellWidth],
					[4224, 4 * cellWidth],
					[4225, 5 * cellWidth],
				],
			);
		});

		it('gives gaps their own width', () => {
			const placed = placeSlots(compactStrip([3], 5), 0, 1000);
			assert.deepEqual(
				placed.map((p) => [p.x, p.width]),
				[
					[0, gapWidth],
					[gapWidth, cellWidth],
					[gapWidth + cellWidth, gapWidth],
				],
			);
		});

		it('stops scrolling with the last column in view', () => {
			const zoom = zoomStrip(10_000);
			const width = 10 * cellWidth;
			assert.equal(maxStart(zoom, width), 9990);
			assert.equal(clampStart(zoom, 1e9, width), 9990);
			assert.equal(clampStart(zoom, -5, width), 0);
			const placed = placeSlots(zoom, maxStart(zoom, width), width);
			assert.equal(placed.at(-1)?.k, 9999);
			assert.equal(maxStart(zoomStrip(3), width), 0);
		});

		it('centres a column, within the ends', () => {
			const zoom = zoomStrip(10_000);
			const width = 11 * cellWidth;
			assert.equal(startCentredOn(zoom, 4226, width), 4221);
			assert.equal(startCentredOn(zoom, 2, width), 0);
			assert.equal(startCentredOn(zoom, 9999, width), 9989);
			assert.ok(slotInView(zoom, 4226, 4221, width));
			assert.ok(!slotInView(zoom, 4226, 4227, width));
			assert.ok(!slotInView(zoom, 4240, 4221, width));
		});
	});
});

describe('batch view rows', () => {
	const lengths = [5, 2, 0];

	it('has a title row and max T_x rows per example', () => {
		assert.equal(batchLength(lengths), 5);
		assert.equal(batchRowCount(lengths), 18);
		assert.equal(batchRowCount([]), 0);
	});

	it('addresses tokens, padding and block titles', () => {
		assert.deepEqual(batchRow(0, lengths), { kind: 'block', example: 0 });
		assert.deepEqual(batchRow(1, lengths), { kind: 'token', example: 0, t: 0 });
		assert.deepEqual(batchRow(5, lengths), { kind: 'token', example: 0, t: 4 });
		assert.deepEqual(batchRow(6, lengths), { kind: 'block', example: 1 });
		assert.deepEqual(batchRow(8, lengths), { kind: 'token', example: 1, t: 1 });
		assert.deepEqual(batchRow(9, lengths), { kind: 'pad', example: 1, t: 2 });
		assert.deepEqual(batchRow(13, lengths), { kind: 'pad', example: 2, t: 0 });
	});

	it('finds the row of a token again', () => {
		for (let g = 0; g < batchRowCount(lengths); g++) {
			const r = batchRow(g, lengths);
			if (r.kind === 'token') {
				assert.equal(batchRowOf(r.example, r.t, lengths), g);
			}
		}
	});
});

describe('scroll mapping', () => {
	it('is the identity while the rows fit the browser', () => {
		assert.equal(scrollHeight(100_000, 22), 2_200_000);
		assert.equal(contentTop(12_345, 600, 100_000, 22), 12_345);
		assert.equal(scrollTopFor(12_345, 600, 100_000, 22), 12_345);
	});

	it('caps the scroll height and still reaches the first and the last row', () => {
		const count = 5_000_000;
		const height = scrollHeight(count, 22);
		assert.equal(height, maxScrollHeight);
		assert.equal(contentTop(0, 600, count, 22), 0);
		// Scrolled to the bottom, the last row's bottom edge is the viewport's bottom edge.
		assert.equal(contentTop(height - 600, 600, count, 22) + 600, count * 22);
	});

	it('maps back and forth', () => {
		const count = 5_000_000;
		for (const top of [0, 22 * 1234, 22 * 2_500_000, count * 22 - 600]) {
			const scrollTop = scrollTopFor(top, 600, count, 22);
			assert.ok(Math.abs(contentTop(scrollTop, 600, count, 22) - top) < 1e-6, `top ${top}`);
		}
	});
});
