/**
 * The column labels of the zoom and compact views, as text in the DOM (readable by screen readers
 * and by tests): each real column shows its index and its vocabulary word, each gap how many
 * zero columns it stands for. Words are user data and go in through textContent only.
 */

import { gapSize, type PlacedSlot } from './matrix/columns';
import { el } from './dom';

export interface AxisLabels {
	base: number;
	unkColumn: number;
	unkToken: string;
	word(column: number): string | undefined;
}

export function renderColumnAxis(axis: HTMLElement, slots: readonly PlacedSlot[], labels: AxisLabels): void {
	const fragment = document.createDocumentFragment();
	for (const p of slots) {
		const node = el('div');
		node.style.left = `${p.x}px`;
		node.style.width = `${p.width}px`;
		if (p.slot.kind === 'column') {
			const { column } = p.slot;
			const word = labels.word(column);
			node.className = column === labels.unkColumn ? 'col-label unk' : 'col-label';
			node.dataset.column = String(column);
			const text = el('span', 'col-text');
			text.append(el('span', 'col-index', String(column + labels.base)), el('span', 'col-word', word ?? '…'));
			node.append(text);
			node.title = `index ${column + labels.base}, column ${column}: ${word ?? ''}`;
		} else {
			const n = gapSize(p.slot);
			node.className = 'gap-label';
			node.dataset.from = String(p.slot.from);
			node.dataset.to = String(p.slot.to);
			node.append(el('span', 'col-text', n === 1 ? '1 zero' : `${n} zeros`));
			node.title = `${n} all-zero ${n === 1 ? 'column' : 'columns'}: indices ${p.slot.from + labels.base} … ${p.slot.to + labels.base}`;
		}
		fragment.append(node);
	}
	axis.replaceChildren(fragment);
}
