/**
 * Draws a window of one-hot rows on the canvas. The overview squeezes all |V| columns into the
 * width (a faint line stands for the zeros, a mark for the single 1); the zoom and compact views
 * draw real cells, 0 or 1, for the slots their column strip places. Only the window is drawn.
 */

import { gapSize, type PlacedSlot } from './columns';
import type { CanvasTheme } from './theme';
import { overviewMark } from './viewport';

export interface RowCell {
	kind: 'token' | 'pad' | 'block';
	/** One-hot column of the row's 1; -1 for an all-zero row; undefined while its page loads. */
	column: number | undefined;
	unknown: boolean;
}

export interface RowSource {
	cell(row: number): RowCell;
}

export interface MatrixGeometry {
	/** |V|, the number of one-hot columns. */
	columns: number;
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

function start(canvas: HTMLCanvasElement, cssWidth: number, geometry: MatrixGeometry, theme: CanvasTheme): CanvasRenderingContext2D | undefined {
	const cssHeight = Math.max(1, (geometry.end - geometry.first) * geometry.rowHeight);
	const ctx = prepareCanvas(canvas, cssWidth, cssHeight);
	if (ctx) {
		ctx.fillStyle = theme.background;
		ctx.fillRect(0, 0, cssWidth, cssHeight);
	}
	return ctx;
}

/** Diagonal hatching over a padded row, so padding never reads as data. */
function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, colour: string): void {
	ctx.save();
	ctx.beginPath();
	ctx.rect(x, y, width, height);
	ctx.clip();
	ctx.strokeStyle = colour;
	ctx.lineWidth = 1;
	ctx.beginPath();
	for (let d = x - height; d < x + width; d += 8) {
		ctx.moveTo(d, y + height);
		ctx.lineTo(d + height, y);
	}
	ctx.stroke();
	ctx.restore();
}

/**
 * What every view draws under a row: a block title row of the batch view is only a rule above
 * its block (false: nothing else goes on it); a highlighted row gets its band.
 */
function rowGround(ctx: CanvasRenderingContext2D, cell: RowCell, highlighted: boolean, y: number, width: number, rowHeight: number, theme: CanvasTheme): boolean {
	if (cell.kind === 'block') {
		ctx.fillStyle = theme.grid;
		ctx.fillRect(0, y + rowHeight - 2, width, 2);
		return false;
	}
	if (highlighted) {
		ctx.fillStyle = theme.highlight;
		ctx.fillRect(0, y, width, rowHeight);
	}
	return true;
}

export function drawOverview(canvas: HTMLCanvasElement, cssWidth: number, geometry: MatrixGeometry, rows: RowSource, theme: CanvasTheme): void {
	const ctx = start(canvas, cssWidth, geometry, theme);
	if (!ctx) {
		return;
	}
	const { rowHeight, columns } = geometry;
	const count = geometry.end - geometry.first;
	// The <UNK> column, marked through every row so a reader sees where unknown words land.
	if (geometry.unkColumn >= 0 && geometry.unkColumn < columns) {
		const band = overviewMark(geometry.unkColumn, columns, cssWidth);
		ctx.fillStyle = theme.unknownBand;
		ctx.fillRect(band.x - 1, 0, band.width + 2, count * rowHeight);
	}
	for (let k = 0; k < count; k++) {
		const row = geometry.first + k;
		const y = k * rowHeight;
		const cell = rows.cell(row);
		if (!rowGround(ctx, cell, row === geometry.highlight, y, cssWidth, rowHeight, theme)) {
			continue;
		}
		if (cell.kind === 'pad') {
			hatch(ctx, 0, y + 3, cssWidth, rowHeight - 6, theme.grid);
		}
		ctx.fillStyle = theme.zeroLine;
		ctx.fillRect(0, y + Math.floor(rowHeight / 2), cssWidth, 1);
		if (cell.column === undefined || cell.column < 0) {
			continue;
		}
		const mark = overviewMark(cell.column, columns, cssWidth);
		ctx.fillStyle = cell.unknown ? theme.unknown : theme.one;
		ctx.fillRect(mark.x, y + 2, mark.width, rowHeight - 4);
	}
}

/** Real cells for the placed slots of the zoom or compact view: each one-hot entry as 0 or 1. */
export function drawCells(
	canvas: HTMLCanvasElement,
	cssWidth: number,
	geometry: MatrixGeometry,
	slots: readonly PlacedSlot[],
	rows: RowSource,
	theme: CanvasTheme,
): void {
	const ctx = start(canvas, cssWidth, geometry, theme);
	if (!ctx) {
		return;
	}
	const { rowHeight } = geometry;
	const count = geometry.end - geometry.first;
	const height = count * rowHeight;
	ctx.font = theme.font;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	// Column backgrounds first: the <UNK> column's band and the gaps' hatching run through every row.
	for (const p of slots) {
		if (p.slot.kind === 'column' && p.slot.column === geometry.unkColumn) {
			ctx.fillStyle = theme.unknownBand;
			ctx.fillRect(p.x, 0, p.width, height);
		} else if (p.slot.kind === 'gap') {
			ctx.fillStyle = theme.gap;
			ctx.fillRect(p.x, 0, 1, height);
			ctx.fillRect(p.x + p.width - 1, 0, 1, height);
		}
	}
	for (let k = 0; k < count; k++) {
		const row = geometry.first + k;
		const y = k * rowHeight;
		const cell = rows.cell(row);
		if (!rowGround(ctx, cell, row === geometry.highlight, y, cssWidth, rowHeight, theme)) {
			continue;
		}
		for (const p of slots) {
			if (p.slot.kind === 'gap') {
				// Zeros are all a gap holds: "0…0" in each row stands for the run.
				ctx.fillStyle = theme.zeroText;
				ctx.fillText(gapSize(p.slot) > 1 ? '0 … 0' : '0', p.x + p.width / 2, y + rowHeight / 2 + 0.5);
				continue;
			}
			ctx.fillStyle = theme.grid;
			ctx.fillRect(p.x + p.width - 1, y, 1, rowHeight);
			if (cell.column !== undefined && cell.column === p.slot.column) {
				ctx.fillStyle = cell.unknown ? theme.unknown : theme.one;
				ctx.fillRect(p.x + 2, y + 2, p.width - 5, rowHeight - 4);
				ctx.fillStyle = theme.oneText;
				ctx.fillText('1', p.x + p.width / 2, y + rowHeight / 2 + 0.5);
			} else if (cell.column !== undefined) {
				ctx.fillStyle = cell.kind === 'pad' ? theme.grid : theme.zeroText;
				ctx.fillText('0', p.x + p.width / 2, y + rowHeight / 2 + 0.5);
			}
		}
		ctx.fillStyle = theme.grid;
		ctx.fillRect(0, y + rowHeight - 1, cssWidth, 1);
	}
}

/** The column axis above the overview: a few index ticks and the <UNK> column. */
export function drawAxis(
	canvas: HTMLCanvasElement,
	cssWidth: number,
	cssHeight: number,
	geometry: { columns: number; base: number; unkColumn: number },
	ticks: readonly number[],
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
