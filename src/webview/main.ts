/**
 * The matrix webview: figures, a token strip, a toolbar, and the one-hot matrix as an accessible
 * table of row headers and labels beside a canvas (overview, zoom or compact view, one example
 * or the padded batch). It says `webview/ready`, receives a summary, then pulls only the row
 * pages and column words it shows. Document text reaches the DOM through textContent only.
 */

import './styles.css';
import { assertNever } from '../shared/assertNever';
import { unknownRate } from '../shared/format';
import { PROTOCOL_VERSION, stepLabel, type ColumnView, type MatrixSummary, type PanelState, type RowPage, type ToWebview } from '../shared/protocol';
import { renderColumnAxis } from './columnAxis';
import { el } from './dom';
import { connectHost } from './host';
import { MatrixData } from './matrixData';
import { batchLength, batchRow, batchRowCount, batchRowOf, type RowRef } from './matrix/batchRows';
import { cellWidth, clampStart, compactStrip, maxStart, placeSlots, slotInView, startCentredOn, zoomStrip, type ColumnStrip } from './matrix/columns';
import { drawAxis, drawCells, drawOverview, type RowCell, type RowSource } from './matrix/matrixCanvas';
import { contentTop, scrollHeight, scrollTopFor } from './matrix/scrollMap';
import { readTheme, watchTheme, type CanvasTheme } from './matrix/theme';
import { axisTicks, overviewMark, visibleRows } from './matrix/viewport';
import { createToolbar } from './toolbar';

// Phases of the panel's start, read by scripts/bench-vscode.mjs (performance marks cost nothing).
performance.mark('sl-script');

const rowHeight = 22;
const overviewAxisHeight = 30;
const cellAxisHeight = 104;
const stripLimit = 200;

const host = connectHost();
const data = new MatrixData(host);

// ──── DOM skeleton (static strings only; data goes in with textContent) ────

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

const toolbar = createToolbar({
	setView: (v) => setView(v),
	goTo: (query) => goTo(query),
	scrollColumns: (start) => setColumnStart(start),
	exportAnalysis: () => host.post({ type: 'host/export' }),
	copyCode: (flavour) => host.post({ type: 'host/copyCode', flavour }),
});

const matrix = el('section', 'matrix');
matrix.setAttribute('aria-label', 'One-hot matrix');

const columnsHeader = ['t', 'token', 'index', 'column', 'y'] as const;
const columnTitles: Record<(typeof columnsHeader)[number], string> = { t: 'x⟨t⟩', token: 'token', index: 'index', column: 'column', y: 'y⟨t⟩' };

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
const columnAxis = el('div', 'column-axis');
axisRow.append(headTable, axisCanvas, columnAxis);

const viewport = el('div', 'viewport');
viewport.tabIndex = 0;
viewport.setAttribute(
	'aria-label',
	'One-hot rows; arrow keys up and down move between rows, left and right move the columns, Enter shows the token in the editor, Y toggles its label',
);
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
const canvas = el('canvas', 'matrix-canvas');
canvas.setAttribute('role', 'img');
windowEl.append(table, canvas);
spacer.append(windowEl);
viewport.append(spacer);
matrix.append(axisRow, viewport);
app.append(header, toolbar.element, matrix);

// ──── state ────

let summary: MatrixSummary | null = null;
let view: ColumnView = 'overview';
let batch = false;
let example = 0;
/** Selected display row (a row of the batch view when `batch`), or -1. */
let selectedRow = -1;
let zoomStart = 0;
let compactStart = 0;
let theme: CanvasTheme = readTheme();
/**
 * The saved position, kept until its document's analysis arrives: after a window reload the host
 * restores the analyses one by one, so the first summary may be of another document.
 */
let restored: PanelState | undefined = host.getState();
let restoredView: ColumnView | undefined = restored?.view;
/** The request id of the last go-to lookup; older answers are ignored. */
let findRequest: number | undefined;

// T_x^(i) and their max, kept per summary: the batch view asks for them for every row it draws.
let lengthsFor: MatrixSummary | null = null;
let cachedLengths: number[] = [];
let cachedMax = 0;
function lengths(): number[] {
	if (lengthsFor !== summary) {
		lengthsFor = summary;
		cachedLengths = summary?.examples.map((e) => e.T_x) ?? [];
		cachedMax = batchLength(cachedLengths);
	}
	return cachedLengths;
}
function maxLength(): number {
	lengths();
	return cachedMax;
}

function rowTotal(): number {
	if (!summary) {
		return 0;
	}
	return batch ? batchRowCount(lengths(), maxLength()) : (summary.examples[example]?.T_x ?? 0);
}

function ref(row: number): RowRef {
	return batch ? batchRow(row, lengths(), maxLength()) : { kind: 'token', example, t: row };
}

/** The display row of token t of `ex`, or -1 when the current view does not show it. */
function displayRow(ex: number, t: number): number {
	if (t < 0) {
		return -1;
	}
	return batch ? batchRowOf(ex, t, lengths(), maxLength()) : ex === example ? t : -1;
}

function padIndex(): number {
	return summary?.padIndex ?? 0;
}

/** The one-hot column of padding, or -1 when padding is an all-zero row. */
function padColumn(): number {
	if (!summary) {
		return -1;
	}
	const c = padIndex() - summary.base;
	return c >= 0 && c < summary.V ? c : -1;
}

const source: RowSource = {
	cell(row): RowCell {
		const r = ref(row);
		if (r.kind === 'block') {
			return { kind: 'block', column: -1, unknown: false };
		}
		if (r.kind === 'pad') {
			return { kind: 'pad', column: padColumn(), unknown: false };
		}
		const index = data.index(r.example, r.t);
		return { kind: 'token', column: index === undefined || !summary ? undefined : index - summary.base, unknown: data.unknown(r.example, r.t) };
	},
};

function stepText(ex: number, t: number): string {
	return stepLabel(t + 1, summary && summary.examples.length > 1 ? ex + 1 : undefined);
}

/** Saves the state a little after the last change: scrolling must not post a message per frame. */
let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
	clearTimeout(persistTimer);
	persistTimer = setTimeout(savePersisted, 150);
}

function savePersisted(): void {
	if (summary) {
		host.setState({
			view,
			batch,
			zoomStart,
			compactStart,
			analysisId: summary.analysisId,
			documentUri: summary.documentUri,
			example,
			selectedRow,
			scrollTop: viewport.scrollTop,
		});
	}
}

// ──── column strips of the zoom and compact views ────

let compactCache: { used: number[]; strip: ColumnStrip } | undefined;

function columnStrip(): ColumnStrip | undefined {
	if (!summary || view === 'overview') {
		return undefined;
	}
	if (view === 'zoom') {
		return zoomStrip(summary.V);
	}
	const used = data.usedColumns(batch ? null : example);
	if (!used) {
		return undefined;
	}
	if (compactCache?.used !== used) {
		compactCache = { used, strip: compactStrip(used, summary.V) };
	}
	return compactCache.strip;
}

/** The canvas width, measured once per resize: reading layout in every frame forces a reflow. */
let measuredWidth: number | undefined;
function canvasWidth(): number {
	if (measuredWidth === undefined) {
		const width = Math.max(60, viewport.clientWidth - table.offsetWidth - 12);
		// Not cached while the matrix is hidden (no summary yet): it has no width then.
		if (matrix.hidden || viewport.clientWidth === 0) {
			return width;
		}
		measuredWidth = width;
	}
	return measuredWidth;
}

function columnStart(): number {
	return view === 'zoom' ? zoomStart : compactStart;
}

function setColumnStart(start: number): void {
	const s = columnStrip();
	if (!s) {
		return;
	}
	const clamped = clampStart(s, start, canvasWidth());
	if (view === 'zoom') {
		zoomStart = clamped;
	} else {
		compactStart = clamped;
	}
	scheduleRender();
	persist();
}

/** Brings one-hot `column` into the zoom or compact view, centred when it was out of sight. */
function showColumn(column: number, always: boolean): void {
	const s = columnStrip();
	if (!s) {
		return;
	}
	const k = s.slotOf(column);
	if (k < 0) {
		return;
	}
	if (always || !slotInView(s, k, columnStart(), canvasWidth())) {
		setColumnStart(startCentredOn(s, column, canvasWidth()));
	}
}

function setView(next: ColumnView): void {
	if (next === view) {
		return;
	}
	view = next;
	// Arriving in a cell view with a row selected: start where that row's 1 is.
	const cell = selectedRow >= 0 ? source.cell(selectedRow) : undefined;
	renderAll();
	if (cell?.column !== undefined && cell.column >= 0) {
		showColumn(cell.column, false);
	}
	persist();
}

function goTo(query: string): void {
	if (!summary) {
		return;
	}
	toolbar.say('');
	findRequest = data.find(query.trim());
}

function onFound(query: string, column: number | null): void {
	if (column === null) {
		toolbar.say(`“${query.trim()}” is not in the vocabulary (its tokens map to ${summary?.unkToken ?? '<UNK>'})`);
		return;
	}
	if (!summary) {
		return;
	}
	toolbar.say(`index ${column + summary.base}, column ${column}`);
	if (view === 'overview' || (view === 'compact' && columnStrip()?.slotOf(column) === -1)) {
		// The compact view shows only used columns; any other column is shown by the zoom view.
		view = 'zoom';
		renderAll();
	}
	showColumn(column, true);
	persist();
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
	const maxT = maxLength();
	const total = summary.examples.reduce((n, e) => n + e.unknownCount, 0);
	const shown = batch ? { unknownCount: total, T_x: lengths().reduce((a, b) => a + b, 0) } : ex;
	const rate = unknownRate(shown.unknownCount, shown.T_x);
	const parts = [
		m > 1 ? (batch ? `batch of m = ${m}` : `X^(${ex.i}) of m = ${m}`) : undefined,
		batch ? `T_x = ${maxT} (padded)` : `T_x = ${ex.T_x}`,
		`|V| = ${summary.V}`,
		`<UNK> ${shown.unknownCount}${rate ? ` (${rate})` : ''}`,
		`shape ${m > 1 ? `(${m}, ${maxT}, ${summary.V})` : `${ex.T_x} × ${summary.V}`}`,
		`convention ${summary.conventionLabel}`,
		`vocabulary ${summary.vocabulary}`,
		summary.vocabularyNote,
	].filter((p): p is string => p !== undefined);
	figures.textContent = parts.join(' · ');
	renderLabelRow(ex);

	examplesNav.replaceChildren();
	if (m > 1) {
		summary.examples.forEach((e, k) => {
			const active = !batch && k === example;
			const button = el('button', active ? 'example active' : 'example', `X^(${e.i}) · T_x ${e.T_x}`);
			button.setAttribute('aria-pressed', String(active));
			button.addEventListener('click', () => selectExample(k, false));
			examplesNav.append(button);
		});
		const all = el('button', batch ? 'example batch active' : 'example batch', `Batch (${m}, ${maxT}, ${summary.V})`);
		all.title = 'All examples as one batch, padded to the longest';
		all.setAttribute('aria-pressed', String(batch));
		all.addEventListener('click', () => selectExample(example, true));
		examplesNav.append(all);
	}
}

function renderLabelRow(ex: MatrixSummary['examples'][number] | undefined): void {
	const labels = ex?.labelHead;
	labelRow.hidden = !labels;
	if (!labels) {
		labelRow.textContent = '';
		return;
	}
	const more = ex.T_x > labels.length ? ' …' : '';
	// With several examples the strip shows one of them: say whose labels these are.
	const name = summary && summary.examples.length > 1 ? `y^(${ex.i})` : 'y';
	labelRow.textContent = `${name} = ${labels.slice(0, stripLimit).join(' ')}${more}`;
	labelRow.title = `T_y = ${ex.T_x}`;
}

function renderStrip(): void {
	strip.replaceChildren();
	const count = Math.min(summary?.examples[example]?.T_x ?? 0, stripLimit);
	for (let t = 0; t < count; t++) {
		const text = data.text(example, t);
		if (text === undefined) {
			break;
		}
		const chip = el('button', data.unknown(example, t) ? 'chip unk' : 'chip');
		if (summary?.examples[example]?.labelHead?.[t] === 1) {
			chip.classList.add('name');
		}
		chip.setAttribute('role', 'listitem');
		chip.append(el('span', 'chip-step', stepText(example, t)), el('span', 'chip-text', text));
		chip.title = `${stepText(example, t)} ↦ ${data.index(example, t)}`;
		chip.addEventListener('click', () => selectRow(displayRow(example, t), true));
		strip.append(chip);
	}
	const T = summary?.examples[example]?.T_x ?? 0;
	if (T > stripLimit) {
		strip.append(el('span', 'chip-more', `… ${T - stripLimit} more`));
	}
}

function labelCell(ex: number, t: number): HTMLTableCellElement {
	const td = el('td', 'c-y');
	const y = data.label(ex, t);
	if (y === undefined) {
		return td;
	}
	const tag = data.tag(ex, t);
	const button = el('button', y === 1 ? 'y-toggle one' : 'y-toggle', tag && tag !== 'O' ? `${y} ${tag}` : String(y));
	button.tabIndex = -1;
	button.title = `y⟨${t + 1}⟩ = ${y}${tag ? ` (${tag})` : ''}; click or press Y to toggle`;
	button.addEventListener('click', (event) => {
		event.stopPropagation();
		toggleLabel(ex, t);
	});
	td.append(button);
	return td;
}

function renderRow(row: number): HTMLTableRowElement {
	const tr = el('tr');
	tr.dataset.row = String(row);
	const r = ref(row);
	if (row === selectedRow) {
		tr.classList.add('selected');
		tr.setAttribute('aria-selected', 'true');
	}
	if (r.kind === 'block') {
		tr.className = 'block';
		const ex = summary?.examples[r.example];
		const pad = maxLength() - (ex?.T_x ?? 0);
		const th = el('th', 'c-block', `X^(${r.example + 1}) · T_x^(${r.example + 1}) = ${ex?.T_x ?? 0}${pad > 0 ? ` · ${pad} padded` : ''}`);
		th.colSpan = columnsHeader.length;
		th.scope = 'rowgroup';
		tr.append(th);
		return tr;
	}
	const th = el('th', 'c-t', stepText(r.example, r.t));
	th.scope = 'row';
	if (r.kind === 'pad') {
		tr.classList.add('pad');
		const column = padColumn();
		tr.append(th, el('td', 'c-token pad-token', 'PAD'), el('td', 'c-index', String(padIndex())), el('td', 'c-column', column < 0 ? '—' : String(column)), el('td', 'c-y', '—'));
		return tr;
	}
	const index = data.index(r.example, r.t);
	const unknown = data.unknown(r.example, r.t);
	if (unknown) {
		tr.classList.add('unk');
	}
	const token = el('td', 'c-token');
	token.append(el('span', 'token-text', data.text(r.example, r.t) ?? '…'));
	if (unknown && summary) {
		token.append(el('span', 'badge', summary.unkToken));
	}
	const indexCell = el('td', 'c-index', index === undefined ? '' : String(index));
	const columnCell = el('td', 'c-column', index === undefined || !summary ? '' : String(index - summary.base));
	tr.append(th, token, indexCell, columnCell, labelCell(r.example, r.t));
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

function renderAll(): void {
	renderHeader();
	renderStrip();
	render();
}

/** Asks for the row pages of every example the window [first, end) shows. */
function requestWindow(first: number, end: number): void {
	const ranges = new Map<number, { from: number; to: number }>();
	for (let row = first; row < end; row++) {
		const r = ref(row);
		if (r.kind !== 'token') {
			continue;
		}
		const range = ranges.get(r.example);
		ranges.set(r.example, range ? { from: Math.min(range.from, r.t), to: Math.max(range.to, r.t) } : { from: r.t, to: r.t });
	}
	for (const [ex, range] of ranges) {
		data.requestRows(ex, range.from, range.to + 1);
	}
}

let axisKey = '';

function render(): void {
	const count = rowTotal();
	app.dataset.state = summary ? 'ready' : 'empty';
	app.dataset.view = view;
	matrix.hidden = !summary;
	spacer.style.height = `${scrollHeight(count, rowHeight)}px`;
	const top = contentTop(viewport.scrollTop, viewport.clientHeight, count, rowHeight);
	const { first, end } = visibleRows(top, viewport.clientHeight, rowHeight, count);
	requestWindow(first, end);
	windowEl.style.transform = `translateY(${viewport.scrollTop + first * rowHeight - top}px)`;

	const fragment = document.createDocumentFragment();
	for (let row = first; row < end; row++) {
		fragment.append(renderRow(row));
	}
	tbody.replaceChildren(fragment);
	caption.textContent = summary ? `One-hot rows ${first + 1} to ${Math.max(first + 1, end)} of ${count}` : '';

	const width = canvasWidth();
	const s = columnStrip();
	toolbar.update(view, s ? { start: columnStart(), max: maxStart(s, width) } : undefined);
	if (!summary) {
		return;
	}
	const unkColumn = summary.unkIndex - summary.base;
	const geometry = { columns: summary.V, unkColumn, rowHeight, first, end, highlight: selectedRow };
	axisCanvas.hidden = view !== 'overview';
	columnAxis.hidden = view === 'overview';
	if (view === 'overview') {
		drawOverview(canvas, width, geometry, source, theme);
		drawAxis(axisCanvas, width, overviewAxisHeight, { columns: summary.V, base: summary.base, unkColumn }, axisTicks(summary.base, summary.base + summary.V - 1, Math.max(2, Math.floor(width / 70))), summary.unkToken, theme);
		canvas.setAttribute('aria-label', `Overview of ${count} one-hot rows over ${summary.V} columns; each row has a single 1 at its index`);
	} else if (s) {
		const start = clampStart(s, columnStart(), width);
		const slots = placeSlots(s, start, width);
		data.requestWords(slots.flatMap((p) => (p.slot.kind === 'column' ? [p.slot.column] : [])));
		drawCells(canvas, width, geometry, slots, source, theme);
		const key = `${view}:${batch}:${example}:${start}:${width}:${slots.map((p) => (p.slot.kind === 'column' && data.word(p.slot.column) !== undefined ? 1 : 0)).join('')}`;
		if (key !== axisKey) {
			axisKey = key;
			columnAxis.style.width = `${width}px`;
			renderColumnAxis(columnAxis, slots, { base: summary.base, unkColumn, unkToken: summary.unkToken, word: (c) => data.word(c) });
		}
		const described = slots.filter((p) => p.slot.kind === 'column').length;
		canvas.setAttribute('aria-label', `${view === 'zoom' ? 'Zoom' : 'Compact view'}: ${described} columns from index ${start + summary.base}`);
	} else {
		// The compact view waits for its column list.
		drawCells(canvas, width, geometry, [], source, theme);
	}
	if (first < end && source.cell(first).column !== undefined && performance.getEntriesByName('sl-drawn').length === 0) {
		performance.mark('sl-drawn');
	}
	// Geometry for tests and tools reading pixels back.
	canvas.dataset.view = view;
	canvas.dataset.first = String(first);
	canvas.dataset.end = String(end);
	canvas.dataset.rowHeight = String(rowHeight);
	canvas.dataset.columns = String(summary.V);
	canvas.dataset.base = String(summary.base);
	axisRow.style.height = `${view === 'overview' ? overviewAxisHeight : cellAxisHeight}px`;
}

function selectExample(k: number, asBatch: boolean): void {
	example = k;
	batch = asBatch;
	selectedRow = -1;
	viewport.scrollTop = 0;
	axisKey = '';
	renderAll();
	persist();
}

function setContentTop(top: number): void {
	viewport.scrollTop = scrollTopFor(top, viewport.clientHeight, rowTotal(), rowHeight);
}

function scrollRowIntoView(row: number): void {
	const count = rowTotal();
	const top = contentTop(viewport.scrollTop, viewport.clientHeight, count, rowHeight);
	const rowTop = row * rowHeight;
	if (rowTop < top) {
		setContentTop(rowTop);
	} else if (rowTop + rowHeight > top + viewport.clientHeight) {
		setContentTop(rowTop + rowHeight - viewport.clientHeight);
	}
}

function selectRow(row: number, reveal: boolean): void {
	if (!summary || row < 0 || row >= rowTotal()) {
		return;
	}
	selectedRow = row;
	scrollRowIntoView(row);
	const r = ref(row);
	if (r.kind === 'token') {
		if (reveal) {
			host.post({ type: 'editor/revealToken', analysisId: summary.analysisId, example: r.example, row: r.t });
		}
		const cell = source.cell(row);
		if (cell.column !== undefined && cell.column >= 0) {
			showColumn(cell.column, false);
		}
	}
	render();
	persist();
}

function toggleLabel(ex: number, t: number): void {
	if (summary?.examples[ex]?.labelled) {
		host.post({ type: 'labels/toggle', analysisId: summary.analysisId, example: ex, row: t });
	}
}

// ──── messages ────

function applySummary(next: MatrixSummary | null, firstPage: RowPage | undefined): void {
	if (next && summary && next.analysisId === summary.analysisId) {
		// The same analysis with labels added or changed: keep the pages, the position and the selection.
		summary = next;
		data.update(next);
		if (firstPage) {
			data.addPage(firstPage);
		}
		renderAll();
		return;
	}
	summary = next;
	data.reset(next);
	if (firstPage) {
		data.addPage(firstPage);
	}
	compactCache = undefined;
	axisKey = '';
	example = 0;
	batch = false;
	selectedRow = -1;
	zoomStart = 0;
	compactStart = 0;
	message.textContent = next ? '' : 'Select text in an editor and run “Sequence Lens: Tokenize Selection” to see its one-hot matrix here.';
	let scrollTop = 0;
	if (restoredView) {
		// The view survives anything; the position only when the same document is shown again.
		view = restoredView;
		restoredView = undefined;
	}
	if (restored && next && restored.documentUri === next.documentUri) {
		if (restored.example < next.examples.length) {
			example = restored.example;
			batch = restored.batch && next.examples.length > 1;
			selectedRow = restored.selectedRow;
			zoomStart = restored.zoomStart;
			compactStart = restored.compactStart;
			scrollTop = restored.scrollTop;
		}
		restored = undefined;
	}
	renderAll();
	viewport.scrollTop = scrollTop;
	render();
}

function onMessage(msg: ToWebview): void {
	switch (msg.type) {
		case 'matrix/summary':
			if (msg.protocolVersion !== PROTOCOL_VERSION) {
				message.textContent = 'The extension was updated; close and reopen this panel.';
				return;
			}
			performance.mark('sl-summary');
			applySummary(msg.summary, msg.firstPage);
			break;
		case 'matrix/rowsResponse':
			if (data.addPage(msg.page)) {
				if (msg.page.example === example && msg.page.start === 0) {
					renderStrip();
				}
				scheduleRender();
			}
			break;
		case 'matrix/highlight':
			if (summary && msg.analysisId === summary.analysisId) {
				if (msg.row >= 0 && !batch && msg.example !== example && msg.row < (summary.examples[msg.example]?.T_x ?? 0)) {
					// The token belongs to another example than the one shown (Show in matrix, the
					// time cursor, the editor cursor): show that example, then its row.
					selectExample(msg.example, false);
				}
				const row = displayRow(msg.example, msg.row);
				if (row >= 0 || msg.row < 0) {
					selectedRow = row;
					if (row >= 0) {
						scrollRowIntoView(row);
					}
					scheduleRender();
					persist();
				}
			}
			break;
		case 'matrix/wordsResponse':
			if (data.addWords(msg.analysisId, msg.columns, msg.words)) {
				scheduleRender();
			}
			break;
		case 'matrix/compactResponse':
			if (data.addUsedColumns(msg.analysisId, msg.example, msg.columns)) {
				scheduleRender();
			}
			break;
		case 'matrix/findResponse':
			if (msg.requestId === findRequest && summary?.analysisId === msg.analysisId) {
				onFound(msg.query, msg.column);
			}
			break;
		default:
			assertNever(msg);
	}
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const msg = event.data;
	if (typeof msg === 'object' && msg !== null && typeof (msg as { type?: unknown }).type === 'string') {
		onMessage(msg as ToWebview);
	}
});

viewport.addEventListener('scroll', () => {
	scheduleRender();
	persist();
});

// Horizontal wheel (or Shift + wheel) moves the zoom and compact views' columns.
viewport.addEventListener(
	'wheel',
	(event) => {
		if (view === 'overview') {
			return;
		}
		const dx = event.shiftKey ? event.deltaY : event.deltaX;
		if (Math.abs(dx) > Math.abs(event.shiftKey ? 0 : event.deltaY) && dx !== 0) {
			event.preventDefault();
			setColumnStart(columnStart() + Math.sign(dx) * Math.max(1, Math.round(Math.abs(dx) / cellWidth)));
		}
	},
	{ passive: false },
);

// Dragging the canvas sideways moves the columns; a click without a drag selects the row, and in
// the overview it also opens the zoom view around the column clicked.
let drag: { x: number; start: number; moved: boolean } | undefined;
canvas.addEventListener('pointerdown', (event) => {
	drag = { x: event.clientX, start: columnStart(), moved: false };
	canvas.setPointerCapture(event.pointerId);
});
canvas.addEventListener('pointermove', (event) => {
	if (!drag || view === 'overview') {
		return;
	}
	const dx = event.clientX - drag.x;
	if (Math.abs(dx) > 3) {
		drag.moved = true;
		canvas.classList.add('dragging');
		setColumnStart(drag.start - Math.round(dx / cellWidth));
	}
});
canvas.addEventListener('pointerup', (event) => {
	const wasDrag = drag?.moved;
	drag = undefined;
	canvas.classList.remove('dragging');
	if (wasDrag || !summary) {
		return;
	}
	const rect = canvas.getBoundingClientRect();
	const first = Number(canvas.dataset.first);
	const row = first + Math.floor((event.clientY - rect.top) / rowHeight);
	if (view === 'overview') {
		const x = event.clientX - rect.left;
		const column = Math.min(summary.V - 1, Math.max(0, Math.floor((x / rect.width) * summary.V)));
		const mark = overviewMark(column, summary.V, rect.width);
		view = 'zoom';
		selectRow(row, true);
		renderAll();
		// The row's own 1 when the click was on its mark; else the column under the pointer.
		const cell = source.cell(row);
		const near = cell.column !== undefined && cell.column >= 0 && Math.abs(overviewMark(cell.column, summary.V, rect.width).x - mark.x) <= 4;
		showColumn(near ? (cell.column as number) : column, true);
		persist();
		return;
	}
	selectRow(row, true);
});

viewport.addEventListener('keydown', (event) => {
	if (event.target !== viewport) {
		return;
	}
	const count = rowTotal();
	if (!count || !summary) {
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
	} else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && view !== 'overview') {
		event.preventDefault();
		const step = event.shiftKey ? Math.max(1, Math.floor(canvasWidth() / cellWidth) - 1) : 1;
		setColumnStart(columnStart() + (event.key === 'ArrowLeft' ? -step : step));
	} else if (event.key === 'Enter' && selectedRow >= 0) {
		event.preventDefault();
		selectRow(selectedRow, true);
	} else if ((event.key === 'y' || event.key === 'Y' || event.key === ' ') && selectedRow >= 0) {
		const r = ref(selectedRow);
		if (r.kind === 'token') {
			event.preventDefault();
			toggleLabel(r.example, r.t);
		}
	}
});

new ResizeObserver(() => {
	measuredWidth = undefined;
	axisKey = '';
	scheduleRender();
}).observe(viewport);
watchTheme(() => {
	// A theme can bring another font size, and so another table width.
	measuredWidth = undefined;
	axisKey = '';
	theme = readTheme();
	scheduleRender();
});

/** The first summary and row page, when the host put them into the page's HTML. */
function embeddedSummary(): ToWebview | undefined {
	const text = document.getElementById('initial-state')?.textContent;
	if (!text) {
		return undefined;
	}
	try {
		const value = JSON.parse(text) as { type?: unknown };
		return value?.type === 'matrix/summary' ? (value as ToWebview) : undefined;
	} catch {
		return undefined;
	}
}

performance.mark('sl-ready');
host.post({ type: 'webview/ready', protocolVersion: PROTOCOL_VERSION });
// The first paint draws the embedded analysis at once; without one, the empty panel until the
// host answers `webview/ready`.
const initial = embeddedSummary();
if (initial) {
	onMessage(initial);
} else {
	renderHeader();
	render();
}
