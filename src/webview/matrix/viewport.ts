/**
 * Pure layout maths for the matrix: which rows a scroll position shows, and where a one-hot
 * column lands when all |V| columns are squeezed into the canvas width.
 */

import { rowPageSize } from '../../shared/protocol';

export { rowPageSize };

export interface RowWindow {
	/** First row drawn (0-based). */
	first: number;
	/** One past the last row drawn. */
	end: number;
}

/** Rows visible at `scrollTop` in a viewport `height` px tall, plus `overscan` rows each side. */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, rowCount: number, overscan = 2): RowWindow {
	if (rowCount <= 0 || rowHeight <= 0) {
		return { first: 0, end: 0 };
	}
	const top = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
	const bottom = Math.ceil((scrollTop + Math.max(0, height)) / rowHeight) + overscan;
	return { first: Math.min(top, rowCount), end: Math.min(Math.max(bottom, top), rowCount) };
}

export interface MarkSpan {
	/** Left edge in CSS px. */
	x: number;
	width: number;
}

/** Narrowest mark drawn for a column, so a single 1 among 10,000 columns stays visible. */
export const minMarkWidth = 3;

/**
 * The horizontal span of one-hot column `column` (0-based) of `columns` in an overview `width` px
 * wide: the column's share of the width, widened to `minMarkWidth` around its centre and kept
 * inside the canvas.
 */
export function overviewMark(column: number, columns: number, width: number): MarkSpan {
	if (columns <= 0 || width <= 0) {
		return { x: 0, width: 0 };
	}
	const left = (column / columns) * width;
	const right = ((column + 1) / columns) * width;
	const span = right - left;
	if (span >= minMarkWidth) {
		return { x: Math.floor(left), width: Math.max(1, Math.floor(right) - Math.floor(left)) };
	}
	const centre = (left + right) / 2;
	const x = Math.min(Math.max(0, Math.round(centre - minMarkWidth / 2)), Math.max(0, width - minMarkWidth));
	return { x, width: minMarkWidth };
}


/** The page numbers covering rows [first, end). */
export function pagesFor(window: RowWindow, pageSize = rowPageSize): number[] {
	if (window.end <= window.first) {
		return [];
	}
	const pages: number[] = [];
	for (let p = Math.floor(window.first / pageSize); p <= Math.floor((window.end - 1) / pageSize); p++) {
		pages.push(p);
	}
	return pages;
}

/**
 * Index labels for the column axis: `first`, `last`, and round numbers (1, 2, 2.5 or 5 × 10^k
 * apart) between them, at most `maxLabels` in all, none crowding the last one.
 */
export function axisTicks(first: number, last: number, maxLabels: number): number[] {
	if (last <= first || maxLabels < 2) {
		return last <= first ? [first] : [first, last];
	}
	const raw = (last - first) / (maxLabels - 1);
	const magnitude = 10 ** Math.floor(Math.log10(raw));
		// Indices are integers, so 2.5 × 10^k only from 10 upwards.
	const multiples = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
	const step = multiples.map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
	const ticks = [first];
	for (let v = Math.ceil((first + 1) / step) * step; v < last - step / 2; v += step) {
		ticks.push(v);
	}
	ticks.push(last);
	return ticks;
}
