// Reads the matrix webview back: its accessible table and the canvas pixels where each row's
// single 1 must be drawn. The pixel positions come from the same pure layout function the
// webview uses (src/webview/matrix/viewport.ts), fed with the geometry the canvas publishes.
import type { FrameLocator } from 'playwright-core';
import { overviewMark } from '../../src/webview/matrix/viewport';

export interface TableRow {
	step: string;
	token: string;
	index: string;
	column: string;
	badge: string;
}

export async function matrixRows(frame: FrameLocator): Promise<TableRow[]> {
	return frame.locator('table.body tbody tr').evaluateAll((rows) =>
		rows.map((row) => ({
			step: row.querySelector('th')?.textContent ?? '',
			token: row.querySelector('.token-text')?.textContent ?? '',
			index: row.querySelector('.c-index')?.textContent ?? '',
			column: row.querySelector('.c-column')?.textContent ?? '',
			badge: row.querySelector('.badge')?.textContent ?? '',
		})),
	);
}

interface CanvasGeometry {
	first: number;
	rowHeight: number;
	columns: number;
	cssWidth: number;
	ratio: number;
}

export interface PixelProbe {
	row: number;
	column: number;
	/** RGBA at the centre of the row's mark. */
	mark: number[];
	/** RGBA in the same row, far from the mark and from the <UNK> column. */
	elsewhere: number[];
}

/** Samples the canvas at the mark of each (row, column) and at a blank spot of the same row. */
export async function probeMarks(frame: FrameLocator, cells: { row: number; column: number }[], unkColumn: number): Promise<PixelProbe[]> {
	const canvas = frame.locator('canvas.matrix-canvas');
	const geometry: CanvasGeometry = await canvas.evaluate((node) => {
		const c = node as HTMLCanvasElement;
		const cssWidth = parseFloat(c.style.width);
		return {
			first: Number(c.dataset.first),
			rowHeight: Number(c.dataset.rowHeight),
			columns: Number(c.dataset.columns),
			cssWidth,
			ratio: c.width / cssWidth,
		};
	});
	const unkMark = overviewMark(unkColumn, geometry.columns, geometry.cssWidth);
	const points = cells.map(({ row, column }) => {
		const mark = overviewMark(column, geometry.columns, geometry.cssWidth);
		// A quarter of the row down: inside the mark, clear of the zero line through the middle.
		const y = (row - geometry.first) * geometry.rowHeight + Math.floor(geometry.rowHeight / 4) + 1;
		const x = mark.x + mark.width / 2;
		// Half the canvas away from the mark, and not on the <UNK> band.
		let blank = (x + geometry.cssWidth / 2) % geometry.cssWidth;
		if (Math.abs(blank - (unkMark.x + unkMark.width / 2)) < 10) {
			blank = (blank + geometry.cssWidth / 4) % geometry.cssWidth;
		}
		return { x, blank, y };
	});
	const samples = await canvas.evaluate(
		(node, { points: pts, ratio }) => {
			const c = node as HTMLCanvasElement;
			const ctx = c.getContext('2d');
			if (!ctx) {
				throw new Error('no 2d context');
			}
			const at = (x: number, y: number) => Array.from(ctx.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data);
			return pts.map((p) => ({ mark: at(p.x, p.y), elsewhere: at(p.blank, p.y) }));
		},
		{ points, ratio: geometry.ratio },
	);
	return cells.map((cell, k) => ({ ...cell, ...samples[k] }));
}

/** Largest per-channel difference of two RGBA samples. */
export function colourDistance(a: number[], b: number[]): number {
	return Math.max(...a.slice(0, 3).map((v, k) => Math.abs(v - b[k])));
}
