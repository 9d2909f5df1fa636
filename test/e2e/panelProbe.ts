// Reads the zoom and compact views back from the matrix webview: the column labels (text in the
// DOM, placed over the canvas) and the canvas pixel of a (row, column) cell under its label.
import type { FrameLocator } from 'playwright-core';
import { waitFor } from './harness';

export interface ColumnLabel {
	column: number;
	index: string;
	word: string;
	unk: boolean;
	/** Left edge and width in CSS px, relative to the canvas. */
	x: number;
	width: number;
}

export async function setView(frame: FrameLocator, view: 'overview' | 'zoom' | 'compact'): Promise<void> {
	await frame.locator(`.view-button[data-view="${view}"]`).click();
	await waitFor(`the ${view} view`, async () => ((await frame.locator('canvas.matrix-canvas').getAttribute('data-view')) === view ? true : undefined));
}

export function columnLabels(frame: FrameLocator): Promise<ColumnLabel[]> {
	return frame.locator('.column-axis').evaluate((axis) =>
		Array.from(axis.querySelectorAll<HTMLElement>('.col-label')).map((node) => ({
			column: Number(node.dataset.column),
			index: node.querySelector('.col-index')?.textContent ?? '',
			word: node.querySelector('.col-word')?.textContent ?? '',
			unk: node.classList.contains('unk'),
			x: parseFloat(node.style.left),
			width: parseFloat(node.style.width),
		})),
	);
}

export function gapLabels(frame: FrameLocator): Promise<{ from: number; to: number; text: string }[]> {
	return frame.locator('.column-axis').evaluate((axis) =>
		Array.from(axis.querySelectorAll<HTMLElement>('.gap-label')).map((node) => ({
			from: Number(node.dataset.from),
			to: Number(node.dataset.to),
			text: node.textContent ?? '',
		})),
	);
}

/** RGBA of the canvas at the middle of (row, column)'s cell, a quarter in from its left edge. */
export async function cellAt(frame: FrameLocator, row: number, column: number): Promise<number[]> {
	const label = (await columnLabels(frame)).find((l) => l.column === column);
	if (!label) {
		throw new Error(`column ${column} is not in view`);
	}
	return frame.locator('canvas.matrix-canvas').evaluate(
		(node, { x, row: r }) => {
			const c = node as HTMLCanvasElement;
			const ratio = c.width / parseFloat(c.style.width);
			const first = Number(c.dataset.first);
			const rowHeight = Number(c.dataset.rowHeight);
			const y = (r - first) * rowHeight + 4;
			return Array.from((c.getContext('2d') as CanvasRenderingContext2D).getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data);
		},
		{ x: label.x + label.width / 4, row },
	);
}
