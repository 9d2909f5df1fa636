/**
 * Draws the overview of a window of one-hot rows: each row is a faint line standing for |V|
 * zeros, with a mark at the column of its single 1. Only the rows in the window are drawn.
 */

import { axisTicks, overviewMark } from './viewport';
import type { CanvasTheme } from './theme';

export interface RowSource {
	/** Index of row t, or undefined while its page is loading. */
	index(row: number): number | undefined;
	unknown(row: number): boolean;
}

export interface MatrixGeometry {
	/** |V|, the number of one-hot columns. */
	columns: number;
	/** Index of column 0 (index − base = column). */
	base: number;
	unkColumn: number;
	rowHeight: number;
	first: number;
	end: number;
	/** Row to highlight, or -1. */
	highlight: number;
}

/** Sizes the canvas for `cssWidth` × `cssHeight` CSS px at the device pixel ratio; returns the 2D context. */
export function prepareCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D | undefined {
	const ratio = window.devicePixelRatio || 1;
	const width = Math.max(1, Math.round(cssWidth * ratio));
	const height = Math.max(1, Math.round(cssHeight * ratio));
	if (canvas.width !== width || canvas.height !== height) {
		canvas.width = width;
		canvas.height = height;
	}
	canvas.style.width = `${cssWidth}px`;
	canvas.style.height = `${cssHeight}px`;
	const ctx = canvas.getContext('2d');
	if (!ctx) {
		return undefined;
	}
	ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
	return ctx;
}

export function drawRows(canvas: HTMLCanvasElement, cssWidth: number, geometry: MatrixGeometry, rows: RowSource, theme: CanvasTheme): void {
	const count = geometry.end - geometry.first;
	const cssHeight = Math.max(1, count * geometry.rowHeight);
	const ctx = prepareCanvas(canvas, cssWidth, cssHeight);
	if (!ctx) {
		return;
	}
	const { rowHeight, columns } = geometry;
	ctx.fillStyle = theme.background;
	ctx.fillRect(0, 0, cssWidth, cssHeight);

	// The <UNK> column, marked through every row so a reader sees where unknown words land.
	if (geometry.unkColumn >= 0 && geometry.unkColumn < columns) {
		const band = overviewMark(geometry.unkColumn, columns, cssWidth);
		ctx.fillStyle = theme.unknownBand;
		ctx.fillRect(band.x - 1, 0, band.width + 2, cssHeight);
	}

	for (let k = 0; k < count; k++) {
		const row = geometry.first + k;
		const y = k * rowHeight;
		if (row === geometry.highlight) {
			ctx.fillStyle = theme.highlight;
			ctx.fillRect(0, y, cssWidth, rowHeight);
		}
		ctx.fillStyle = theme.zeroLine;
		ctx.fillRect(0, y + Math.floor(rowHeight / 2), cssWidth, 1);
		const index = rows.index(row);
		if (index === undefined) {
			continue;
		}
		const mark = overviewMark(index - geometry.base, columns, cssWidth);
		ctx.fillStyle = rows.unknown(row) ? theme.unknown : theme.one;
		ctx.fillRect(mark.x, y + 2, mark.width, rowHeight - 4);
	}
}

/** The column axis above the overview: a few index ticks and the <UNK> column. */
export function drawAxis(
	canvas: HTMLCanvasElement,
	cssWidth: number,
	cssHeight: number,
	geometry: Pick<MatrixGeometry, 'columns' | 'base' | 'unkColumn'>,
	unkToken: string,
	theme: CanvasTheme,
): void {
	const ctx = prepareCanvas(canvas, cssWidth, cssHeight);
	if (!ctx) {
		return;
	}
	ctx.fillStyle = theme.background;
	ctx.fillRect(0, 0, cssWidth, cssHeight);
	const { columns, base } = geometry;
	if (columns <= 0) {
		return;
	}
	ctx.font = theme.font;
	ctx.textBaseline = 'bottom';
	// Room for one label per ~70 px; labels sit on round indices, plus the first and the last.
	const ticks = axisTicks(base, base + columns - 1, Math.max(1, Math.floor(cssWidth / 70)));
	ticks.forEach((index, k) => {
		const mark = overviewMark(index - base, columns, cssWidth);
		const last = k === ticks.length - 1;
		ctx.fillStyle = theme.grid;
		ctx.fillRect(mark.x + Math.floor(mark.width / 2), cssHeight - 5, 1, 5);
		ctx.fillStyle = theme.axisText;
		ctx.textAlign = k === 0 ? 'left' : last ? 'right' : 'center';
		ctx.fillText(String(index), k === 0 ? 0 : last ? cssWidth : mark.x, cssHeight - 6);
	});
	if (geometry.unkColumn >= 0 && geometry.unkColumn < columns) {
		const mark = overviewMark(geometry.unkColumn, columns, cssWidth);
		ctx.fillStyle = theme.unknown;
		ctx.textAlign = mark.x > cssWidth / 2 ? 'right' : 'left';
		ctx.textBaseline = 'top';
		ctx.fillText(unkToken, mark.x > cssWidth / 2 ? mark.x + mark.width : mark.x, 0);
	}
}
