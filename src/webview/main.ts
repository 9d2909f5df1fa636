/**
 * The matrix webview: figures, a token strip, and the one-hot matrix as an accessible table of
 * row headers beside a canvas overview. It says `webview/ready`, receives a summary, then pulls
 * only the row pages it shows. Document text reaches the DOM through textContent only.
 */

import './styles.css';
import { assertNever } from '../shared/assertNever';
import { unknownRate } from '../shared/format';
import { PROTOCOL_VERSION, stepLabel, type MatrixSummary, type RowPage, type ToWebview } from '../shared/protocol';
import { connectHost, type PersistedState } from './host';
import { drawAxis, drawRows, type RowSource } from './matrix/matrixCanvas';
import { readTheme, watchTheme, type CanvasTheme } from './matrix/theme';
import { pagesFor, rowPageSize, visibleRows } from './matrix/viewport';

const rowHeight = 22;
const axisHeight = 30;
const stripLimit = 200;

const host = connectHost();

// ──── DOM skeleton (static strings only; data goes in with textContent) ────

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}

const app = document.getElementById('app') as HTMLDivElement;
const header = el('header', 'figures');
const title = el('h1', 'title');
const figures = el('p', 'figure-line');
const message = el('p', 'message');
message.setAttribute('role', 'status');
const examplesNav = el('nav', 'examples');
examplesNav.setAttribute('aria-label', 'Examples');
const strip = el('div', 'strip');
strip.setAttribute('role', 'list');
strip.setAttribute('aria-label', 'Tokens');
// y⟨1⟩ … y⟨T_y⟩ under the strip, once the labels have arrived.
const labelRow = el('p', 'label-row');
labelRow.setAttribute('aria-label', 'Labels y');
labelRow.hidden = true;
header.append(title, figures, message, examplesNav, strip, labelRow);

const matrix = el('section', 'matrix');
matrix.setAttribute('aria-label', 'One-hot matrix');

const columnsHeader = ['t', 'token', 'index', 'column'] as const;
const columnTitles: Record<(typeof columnsHeader)[number], string> = { t: 'x⟨t⟩', token: 'token', index: 'index', column: 'column' };

function colgroup(): HTMLTableColElement {
	const group = el('colgroup');
	for (const name of columnsHeader) {
		group.append(el('col', `col-${name}`));
	}
	return group;
}

// The visible header; the body table carries its own (visually hidden) header for screen readers.
const axisRow = el('div', 'axis-row');
axisRow.setAttribute('aria-hidden', 'true');
const headTable = el('table', 'rows head');
const headRow = el('tr');
for (const name of columnsHeader) {
	headRow.append(el('th', `c-${name}`, columnTitles[name]));
}
headTable.append(colgroup(), el('thead'));
headTable.tHead?.append(headRow);
const axisCanvas = el('canvas', 'axis');
axisRow.append(headTable, axisCanvas);

const viewport = el('div', 'viewport');
viewport.tabIndex = 0;
viewport.setAttribute('aria-label', 'One-hot rows; arrow keys move between rows, Enter shows the token in the editor');
const spacer = el('div', 'spacer');
const windowEl = el('div', 'window');
const table = el('table', 'rows body');
const caption = el('caption', 'visually-hidden');
const bodyHead = el('thead', 'visually-hidden');
const bodyHeadRow = el('tr');
for (const name of columnsHeader) {
	const th = el('th', undefined, columnTitles[name]);
	th.scope = 'col';
	bodyHeadRow.append(th);
}
bodyHead.append(bodyHeadRow);
const tbody = el('tbody');
table.append(caption, colgroup(), bodyHead, tbody);
const canvas = el('canvas', 'overview');
canvas.setAttribute('role', 'img');
windowEl.append(table, canvas);
spacer.append(windowEl);
viewport.append(spacer);
matrix.append(axisRow, viewport);
app.append(header, matrix);

// ──── state ────

let summary: MatrixSummary | null = null;
let example = 0;
let selectedRow = -1;
let theme: CanvasTheme = readTheme();
let nextRequestId = 1;
/** Pages of the shown analysis: key `${example}:${page}`. */
const pages = new Map<string, RowPage>();
const pending = new Set<string>();
let restored: PersistedState | undefined = host.getState();

function rowCount(): number {
	return summary?.examples[example]?.T_x ?? 0;
}

function pageOf(row: number): RowPage | undefined {
	return pages.get(`${example}:${Math.floor(row / rowPageSize)}`);
}

const rows: RowSource = {
	index(row) {
		const page = pageOf(row);
		return page ? page.indices[row - page.start] : undefined;
	},
	unknown(row) {
		const page = pageOf(row);
		return page ? page.unknown[row - page.start] === 1 : false;
	},
};

function textOf(row: number): string | undefined {
	const page = pageOf(row);
	return page ? page.texts[row - page.start] : undefined;
}

function stepText(row: number): string {
	return stepLabel(row + 1, summary && summary.examples.length > 1 ? example + 1 : undefined);
}

function persist(): void {
	if (summary) {
		host.setState({ analysisId: summary.analysisId, example, scrollTop: viewport.scrollTop, selectedRow });
	}
}

function requestPages(first: number, end: number): void {
	if (!summary) {
		return;
	}
	for (const page of pagesFor({ first, end })) {
		const key = `${example}:${page}`;
		if (pages.has(key) || pending.has(key)) {
			continue;
		}
		pending.add(key);
		host.post({
			type: 'matrix/rowsRequest',
			requestId: nextRequestId++,
			analysisId: summary.analysisId,
			example,
			start: page * rowPageSize,
			count: rowPageSize,
		});
	}
}

// ──── rendering ────

function renderHeader(): void {
	if (!summary) {
		title.textContent = 'One-hot matrix';
		figures.textContent = '';
		examplesNav.replaceChildren();
		strip.replaceChildren();
		renderLabelRow(undefined);
		return;
	}
	const ex = summary.examples[example];
	title.textContent = `One-hot matrix of ${summary.documentName}`;
	const m = summary.examples.length;
	const rate = unknownRate(ex.unknownCount, ex.T_x);
	const parts = [
		m > 1 ? `X^(${ex.i}) of m = ${m}` : undefined,
		`T_x = ${ex.T_x}`,
		`|V| = ${summary.V}`,
		`<UNK> ${ex.unknownCount}${rate ? ` (${rate})` : ''}`,
		`shape ${m > 1 ? `(${m}, ${Math.max(...summary.examples.map((e) => e.T_x))}, ${summary.V})` : `${ex.T_x} × ${summary.V}`}`,
		`convention ${summary.conventionLabel}`,
		`vocabulary ${summary.vocabulary}`,
	].filter((p): p is string => p !== undefined);
	figures.textContent = parts.join(' · ');
	renderLabelRow(ex);

	examplesNav.replaceChildren();
	if (m > 1) {
		summary.examples.forEach((e, k) => {
			const button = el('button', k === example ? 'example active' : 'example', `X^(${e.i}) · T_x ${e.T_x}`);
			button.setAttribute('aria-pressed', String(k === example));
			button.addEventListener('click', () => selectExample(k));
			examplesNav.append(button);
		});
	}
}

function renderLabelRow(ex: MatrixSummary['examples'][number] | undefined): void {
	const labels = ex?.labels;
	labelRow.hidden = !labels;
	if (!labels) {
		labelRow.textContent = '';
		return;
	}
	const more = labels.length > stripLimit ? ' …' : '';
	labelRow.textContent = `y = ${labels.slice(0, stripLimit).join(' ')}${more}`;
	labelRow.title = `T_y = ${labels.length}; tags ${(ex.tags ?? []).slice(0, stripLimit).join(' ')}${more}`;
}

function renderStrip(): void {
	strip.replaceChildren();
	const count = Math.min(rowCount(), stripLimit);
	for (let row = 0; row < count; row++) {
		const text = textOf(row);
		if (text === undefined) {
			break;
		}
		const chip = el('button', rows.unknown(row) ? 'chip unk' : 'chip');
		if (summary?.examples[example]?.labels?.[row] === 1) {
			chip.classList.add('name');
		}
		chip.setAttribute('role', 'listitem');
		chip.append(el('span', 'chip-step', stepText(row)), el('span', 'chip-text', text));
		chip.title = `${stepText(row)} ↦ ${rows.index(row)}`;
		chip.addEventListener('click', () => selectRow(row, true));
		strip.append(chip);
	}
	if (rowCount() > stripLimit) {
		strip.append(el('span', 'chip-more', `… ${rowCount() - stripLimit} more`));
	}
}

function renderRow(row: number): HTMLTableRowElement {
	const tr = el('tr');
	tr.dataset.row = String(row);
	const index = rows.index(row);
	const unknown = rows.unknown(row);
	if (unknown) {
		tr.classList.add('unk');
	}
	if (row === selectedRow) {
		tr.classList.add('selected');
		tr.setAttribute('aria-selected', 'true');
	}
	const th = el('th', 'c-t', stepText(row));
	th.scope = 'row';
	const token = el('td', 'c-token');
	token.append(el('span', 'token-text', textOf(row) ?? '…'));
	if (unknown && summary) {
		token.append(el('span', 'badge', summary.unkToken));
	}
	const indexCell = el('td', 'c-index', index === undefined ? '' : String(index));
	const columnCell = el('td', 'c-column', index === undefined || !summary ? '' : String(index - summary.base));
	tr.append(th, token, indexCell, columnCell);
	tr.addEventListener('click', () => selectRow(row, true));
	return tr;
}

let frame = 0;
function scheduleRender(): void {
	if (!frame) {
		frame = requestAnimationFrame(() => {
			frame = 0;
			render();
		});
	}
}

function render(): void {
	const count = rowCount();
	app.dataset.state = summary ? 'ready' : 'empty';
	matrix.hidden = !summary;
	spacer.style.height = `${count * rowHeight}px`;
	const { first, end } = visibleRows(viewport.scrollTop, viewport.clientHeight, rowHeight, count);
	requestPages(first, end);
	windowEl.style.transform = `translateY(${first * rowHeight}px)`;

	const fragment = document.createDocumentFragment();
	for (let row = first; row < end; row++) {
		fragment.append(renderRow(row));
	}
	tbody.replaceChildren(fragment);
	caption.textContent = summary ? `One-hot rows ${stepText(first)} to ${stepText(Math.max(first, end - 1))} of T_x = ${count}` : '';

	const canvasWidth = Math.max(60, viewport.clientWidth - table.offsetWidth - 12);
	if (summary) {
		const unkColumn = summary.unkIndex - summary.base;
		const geometry = { columns: summary.V, base: summary.base, unkColumn, rowHeight, first, end, highlight: selectedRow };
		drawRows(canvas, canvasWidth, geometry, rows, theme);
		drawAxis(axisCanvas, canvasWidth, axisHeight, geometry, summary.unkToken, theme);
		// Geometry for tests and tools reading pixels back.
		canvas.dataset.first = String(first);
		canvas.dataset.end = String(end);
		canvas.dataset.rowHeight = String(rowHeight);
		canvas.dataset.columns = String(summary.V);
		canvas.dataset.base = String(summary.base);
		canvas.setAttribute('aria-label', `Overview of ${count} one-hot rows over ${summary.V} columns; each row has a single 1 at its index`);
	}
}

function selectExample(k: number): void {
	example = k;
	selectedRow = -1;
	viewport.scrollTop = 0;
	renderHeader();
	renderStrip();
	render();
	persist();
}

function scrollRowIntoView(row: number): void {
	const top = row * rowHeight;
	if (top < viewport.scrollTop) {
		viewport.scrollTop = top;
	} else if (top + rowHeight > viewport.scrollTop + viewport.clientHeight) {
		viewport.scrollTop = top + rowHeight - viewport.clientHeight;
	}
}

function selectRow(row: number, reveal: boolean): void {
	if (!summary || row < 0 || row >= rowCount()) {
		return;
	}
	selectedRow = row;
	scrollRowIntoView(row);
	if (reveal) {
		host.post({ type: 'editor/revealToken', analysisId: summary.analysisId, example, row });
	}
	render();
	persist();
}

// ──── messages ────

function applySummary(next: MatrixSummary | null): void {
	if (next && summary && next.analysisId === summary.analysisId) {
		// The same analysis with labels added: keep the pages, the scroll position and the selection.
		summary = next;
		renderHeader();
		render();
		return;
	}
	summary = next;
	pages.clear();
	pending.clear();
	example = 0;
	selectedRow = -1;
	message.textContent = next ? '' : 'Select text in an editor and run “Sequence Lens: Tokenize Selection” to see its one-hot matrix here.';
	if (next && restored && restored.analysisId === next.analysisId && restored.example < next.examples.length) {
		example = restored.example;
		selectedRow = restored.selectedRow;
		renderHeader();
		render();
		viewport.scrollTop = restored.scrollTop;
	} else {
		viewport.scrollTop = 0;
	}
	restored = undefined;
	renderHeader();
	render();
}

function onPage(page: RowPage): void {
	if (!summary || page.analysisId !== summary.analysisId) {
		return;
	}
	const key = `${page.example}:${Math.floor(page.start / rowPageSize)}`;
	pending.delete(key);
	pages.set(key, page);
	if (page.example === example) {
		if (page.start === 0) {
			renderStrip();
		}
		scheduleRender();
	}
}

function onMessage(data: ToWebview): void {
	switch (data.type) {
		case 'matrix/summary':
			if (data.protocolVersion !== PROTOCOL_VERSION) {
				message.textContent = 'The extension was updated; close and reopen this panel.';
				return;
			}
			applySummary(data.summary);
			break;
		case 'matrix/rowsResponse':
			onPage(data.page);
			break;
		case 'matrix/highlight':
			if (summary && data.analysisId === summary.analysisId && data.example === example) {
				selectedRow = data.row;
				if (data.row >= 0) {
					scrollRowIntoView(data.row);
				}
				scheduleRender();
			}
			break;
		default:
			assertNever(data);
	}
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const data = event.data;
	if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
		onMessage(data as ToWebview);
	}
});

viewport.addEventListener('scroll', () => {
	scheduleRender();
	persist();
});

viewport.addEventListener('keydown', (event) => {
	const count = rowCount();
	if (!count) {
		return;
	}
	const pageRows = Math.max(1, Math.floor(viewport.clientHeight / rowHeight) - 1);
	const from = selectedRow < 0 ? -1 : selectedRow;
	const moves: Record<string, number> = {
		ArrowDown: from + 1,
		ArrowUp: from - 1,
		PageDown: from + pageRows,
		PageUp: from - pageRows,
		Home: 0,
		End: count - 1,
	};
	if (event.key in moves) {
		event.preventDefault();
		selectRow(Math.min(count - 1, Math.max(0, moves[event.key])), false);
	} else if (event.key === 'Enter' && selectedRow >= 0) {
		event.preventDefault();
		selectRow(selectedRow, true);
	}
});

new ResizeObserver(() => scheduleRender()).observe(viewport);
watchTheme(() => {
	theme = readTheme();
	scheduleRender();
});

renderHeader();
render();
host.post({ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION });
