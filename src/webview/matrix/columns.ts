/**
 * Column layouts of the zoom and compact views. Both show a horizontal run of "slots" starting
 * at an offset: zoom shows real columns first … first + n, compact shows only the columns that
 * hold a 1, with gap slots standing for the all-zero columns between them. Pure maths: the
 * webview draws from these, and the unit tests check them.
 */

/** Width of one real cell in CSS px. */
export const cellWidth = 24;
/** Width of a gap marker in the compact view. */
export const gapWidth = 52;

export type Slot =
	| { kind: 'column'; column: number }
	/** All-zero columns `from` … `to` (inclusive). */
	| { kind: 'gap'; from: number; to: number };

/** A run of slots: the zoom view's columns or the compact view's columns and gaps. */
export interface ColumnStrip {
	readonly count: number;
	slot(k: number): Slot;
	/** The slot showing one-hot column `column`, or -1 when the strip does not show it. */
	slotOf(column: number): number;
}

export function slotWidth(slot: Slot): number {
	return slot.kind === 'column' ? cellWidth : gapWidth;
}

/** How many zero columns a gap slot stands for. */
export function gapSize(slot: Extract<Slot, { kind: 'gap' }>): number {
	return slot.to - slot.from + 1;
}

/** Every one of the |V| columns, in order: the zoom view. */
export function zoomStrip(columns: number): ColumnStrip {
	return {
		count: Math.max(0, columns),
		slot: (k) => ({ kind: 'column', column: k }),
		slotOf: (column) => (column >= 0 && column < columns ? column : -1),
	};
}

/**
 * The compact view of `used` (the distinct one-hot columns holding a 1, ascending) out of
 * `columns` in all: each used column, with a gap slot before, between and after them wherever
 * zero columns lie.
 */
export function compactStrip(used: readonly number[], columns: number): ColumnStrip {
	const slots: Slot[] = [];
	const position = new Map<number, number>();
	let next = 0;
	for (const column of used) {
		if (column < next || column >= columns) {
			continue;
		}
		if (column > next) {
			slots.push({ kind: 'gap', from: next, to: column - 1 });
		}
		position.set(column, slots.length);
		slots.push({ kind: 'column', column });
		next = column + 1;
	}
	if (next < columns) {
		slots.push({ kind: 'gap', from: next, to: columns - 1 });
	}
	return {
		count: slots.length,
		slot: (k) => slots[k],
		slotOf: (column) => position.get(column) ?? -1,
	};
}

export interface PlacedSlot {
	/** Position of the slot in its strip. */
	k: number;
	slot: Slot;
	/** Left edge in CSS px. */
	x: number;
	width: number;
}

/** The slots from `start` on that fit, at least partly, in `width` px. */
export function placeSlots(strip: ColumnStrip, start: number, width: number): PlacedSlot[] {
	const placed: PlacedSlot[] = [];
	let x = 0;
	for (let k = Math.max(0, start); k < strip.count && x < width; k++) {
		const slot = strip.slot(k);
		const w = slotWidth(slot);
		placed.push({ k, slot, x, width: w });
		x += w;
	}
	return placed;
}

/** The largest start offset that still fills `width`: scrolling stops with the last slot in view. */
export function maxStart(strip: ColumnStrip, width: number): number {
	let room = width;
	let k = strip.count;
	while (k > 0) {
		const w = slotWidth(strip.slot(k - 1));
		if (w > room) {
			break;
		}
		room -= w;
		k--;
	}
	return Math.max(0, Math.min(k, strip.count - 1));
}

export function clampStart(strip: ColumnStrip, start: number, width: number): number {
	return Math.min(Math.max(0, Math.round(start)), maxStart(strip, width));
}

/** The start offset that puts `column` near the middle of `width` (or as near as the ends allow). */
export function startCentredOn(strip: ColumnStrip, column: number, width: number): number {
	const k = strip.slotOf(column);
	if (k < 0) {
		return 0;
	}
	let room = (width - slotWidth(strip.slot(k))) / 2;
	let start = k;
	while (start > 0) {
		const w = slotWidth(strip.slot(start - 1));
		if (w > room) {
			break;
		}
		room -= w;
		start--;
	}
	return clampStart(strip, start, width);
}

/** Whether slot `k` lies entirely inside the view that starts at `start`. */
export function slotInView(strip: ColumnStrip, k: number, start: number, width: number): boolean {
	if (k < start) {
		return false;
	}
	let x = 0;
	for (let j = start; j <= k; j++) {
		x += slotWidth(strip.slot(j));
		if (x > width) {
			return false;
		}
	}
	return true;
}
