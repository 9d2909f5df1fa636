// The matrix webview's pure layout maths: visible row windows, where a one-hot column lands in
// the overview, row pages, and axis labels.
import * as assert from 'node:assert/strict';
import { axisTicks, minMarkWidth, overviewMark, pagesFor, visibleRows } from '../../src/webview/matrix/viewport';

describe('matrix viewport', () => {
	describe('visibleRows', () => {
		it('covers the rows in view plus the overscan, clamped to the row count', () => {
			assert.deepEqual(visibleRows(0, 220, 22, 12, 2), { first: 0, end: 12 });
			assert.deepEqual(visibleRows(0, 220, 22, 1000, 2), { first: 0, end: 12 });
			assert.deepEqual(visibleRows(22 * 500, 220, 22, 1000, 2), { first: 498, end: 512 });
			assert.deepEqual(visibleRows(22 * 99_995, 220, 22, 100_000, 2), { first: 99_993, end: 100_000 });
		});

		it('is empty without rows', () => {
			assert.deepEqual(visibleRows(0, 500, 22, 0), { first: 0, end: 0 });
		});

		it('never returns a window past the end when scrolled beyond it', () => {
			const w = visibleRows(1e9, 300, 22, 50);
			assert.ok(w.first <= w.end && w.end === 50);
		});
	});

	describe('overviewMark', () => {
		it('keeps every column inside the canvas and at least minMarkWidth wide', () => {
			for (const width of [60, 141, 500, 1234]) {
				for (const column of [0, 1, 4999, 9998, 9999]) {
					const mark = overviewMark(column, 10_000, width);
					assert.ok(mark.x >= 0 && mark.x + mark.width <= width, `column ${column} in ${width} px: ${JSON.stringify(mark)}`);
					assert.ok(mark.width >= minMarkWidth);
				}
			}
		});

		it('orders columns left to right and puts the last at the right edge', () => {
			const width = 400;
			const xs = [0, 2500, 5000, 7500, 9999].map((c) => overviewMark(c, 10_000, width).x);
			assert.deepEqual([...xs].sort((a, b) => a - b), xs);
			assert.equal(overviewMark(9999, 10_000, width).x + minMarkWidth, width);
			assert.equal(overviewMark(0, 10_000, width).x, 0);
		});

		it('gives wide columns their full share when there are few of them', () => {
			assert.deepEqual(overviewMark(2, 10, 100), { x: 20, width: 10 });
		});
	});

	describe('pagesFor', () => {
		it('lists the pages a window touches', () => {
			assert.deepEqual(pagesFor({ first: 0, end: 12 }, 500), [0]);
			assert.deepEqual(pagesFor({ first: 495, end: 505 }, 500), [0, 1]);
			assert.deepEqual(pagesFor({ first: 3, end: 3 }, 500), []);
		});
	});

	describe('axisTicks', () => {
		it('labels the first and last index and round numbers between', () => {
			assert.deepEqual(axisTicks(1, 10_000, 5), [1, 2500, 5000, 7500, 10_000]);
			assert.deepEqual(axisTicks(0, 9999, 3), [0, 5000, 9999]);
			assert.deepEqual(axisTicks(1, 10_000, 2), [1, 10_000]);
		});

		it('stays on integers for small vocabularies and never exceeds the budget', () => {
			for (const [first, last, n] of [[1, 12, 4], [0, 7, 8], [1, 100, 6], [0, 99_999, 8]]) {
				const ticks = axisTicks(first, last, n);
				assert.ok(ticks.every(Number.isInteger), JSON.stringify(ticks));
				assert.ok(ticks.length <= n, `${JSON.stringify(ticks)} within ${n}`);
				assert.equal(ticks[0], first);
				assert.equal(ticks[ticks.length - 1], last);
			}
		});
	});
});
