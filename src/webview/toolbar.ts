/**
 * The controls above the matrix: the view switcher, the "go to index or word" box, the column
 * slider of the zoom and compact views, and the export and "Copy as code" buttons. Each control
 * is a real button or input, so all of it works from the keyboard.
 */

import type { CodeFlavour, ColumnView } from '../shared/protocol';
import { el } from './dom';

export interface ToolbarActions {
	setView(view: ColumnView): void;
	goTo(query: string): void;
	scrollColumns(start: number): void;
	exportAnalysis(): void;
	copyCode(flavour: CodeFlavour): void;
}

export interface Toolbar {
	readonly element: HTMLElement;
	/** Shows which view is on and where the column slider stands. */
	update(view: ColumnView, slider: { start: number; max: number } | undefined): void;
	/** A short answer beside the go-to box ("not in the vocabulary"). */
	say(text: string): void;
}

const viewTitles: Record<ColumnView, { label: string; hint: string }> = {
	overview: { label: 'Overview', hint: 'All |V| columns squeezed into the width: each row’s single 1 as a mark' },
	zoom: { label: 'Zoom', hint: 'Real cells with their column index and word, around a chosen column range' },
	compact: { label: 'Compact', hint: 'Only the columns holding a 1, with markers counting the zero columns between' },
};

export function createToolbar(actions: ToolbarActions): Toolbar {
	const element = el('div', 'toolbar');
	element.setAttribute('role', 'toolbar');
	element.setAttribute('aria-label', 'Matrix view');

	const views = el('div', 'segmented');
	views.setAttribute('role', 'group');
	views.setAttribute('aria-label', 'View');
	const viewButtons = new Map<ColumnView, HTMLButtonElement>();
	for (const view of ['overview', 'zoom', 'compact'] as const) {
		const button = el('button', 'view-button', viewTitles[view].label);
		button.dataset.view = view;
		button.title = viewTitles[view].hint;
		button.addEventListener('click', () => actions.setView(view));
		viewButtons.set(view, button);
		views.append(button);
	}

	const goTo = el('form', 'goto');
	const input = el('input', 'goto-input');
	input.type = 'search';
	input.placeholder = 'Go to index or word';
	input.setAttribute('aria-label', 'Go to a column by its index or its word');
	input.spellcheck = false;
	const go = el('button', 'goto-button', 'Go');
	go.type = 'submit';
	const answer = el('output', 'goto-answer');
	answer.setAttribute('aria-live', 'polite');
	goTo.append(input, go, answer);
	goTo.addEventListener('submit', (event) => {
		event.preventDefault();
		if (input.value.trim() !== '') {
			actions.goTo(input.value);
		}
	});

	const slider = el('input', 'column-slider');
	slider.type = 'range';
	slider.min = '0';
	slider.step = '1';
	slider.setAttribute('aria-label', 'First column shown');
	slider.addEventListener('input', () => actions.scrollColumns(Number(slider.value)));

	const exportButton = el('button', 'export-button', 'Export…');
	exportButton.title = 'Save the analysis as .npy, CSV, JSON or CoNLL';
	exportButton.addEventListener('click', () => actions.exportAnalysis());
	const numpy = el('button', 'copy-numpy', 'Copy as NumPy');
	numpy.title = 'Copy the indices and their one-hot matrix as NumPy code';
	numpy.addEventListener('click', () => actions.copyCode('numpy'));
	const torch = el('button', 'copy-pytorch', 'Copy as PyTorch');
	torch.title = 'Copy the indices and their one-hot tensor as PyTorch code';
	torch.addEventListener('click', () => actions.copyCode('pytorch'));
	const out = el('div', 'outputs');
	out.append(exportButton, numpy, torch);

	element.append(views, goTo, slider, out);
	return {
		element,
		update(view, range) {
			for (const [v, button] of viewButtons) {
				button.setAttribute('aria-pressed', String(v === view));
				button.classList.toggle('active', v === view);
			}
			slider.hidden = !range;
			if (range) {
				slider.max = String(range.max);
				slider.value = String(range.start);
				slider.disabled = range.max === 0;
			}
		},
		say(text) {
			answer.textContent = text;
		},
	};
}
