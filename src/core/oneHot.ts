/**
 * One-hot rows, kept sparse: row t of X is all zeros except a 1 in column `indices[t] − base`,
 * so a T_x × |V| matrix is stored as T_x column numbers. The dense matrix exists only for export
 * and is refused above a size limit.
 */

import type { Analysis } from './analyze';

export type DenseDtype = 'uint8' | 'float32';

/** Default ceiling for a dense matrix: 256 MiB. */
export const defaultDenseLimitBytes = 256 * 1024 * 1024;

export class OneHotSizeError extends RangeError {
	override readonly name = 'OneHotSizeError';
	/** The size the dense matrix would have had, in bytes. */
	readonly bytes: number;
	readonly limitBytes: number;

	constructor(bytes: number, limitBytes: number, shape: readonly number[], dtype: DenseDtype) {
		super(`A dense one-hot matrix of shape (${shape.join(', ')}) as ${dtype} would take ${formatBytes(bytes)}, above the limit of ${formatBytes(limitBytes)}; export the indices instead (the sparse form), or raise the limit.`);
		this.bytes = bytes;
		this.limitBytes = limitBytes;
	}
}

/** 1,234,567,890 → "1.15 GiB (1,234,567,890 bytes)". */
export function formatBytes(bytes: number): string {
	const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const exact = `${bytes.toLocaleString('en-US')} bytes`;
	return unit === 0 ? exact : `${value.toFixed(2)} ${units[unit]} (${exact})`;
}

/** The one-hot column of each token (index − base): row t of the sparse matrix. */
export function oneHotColumns(analysis: Analysis): Int32Array {
	const base = analysis.vocabulary.base;
	const columns = new Int32Array(analysis.length);
	for (let t = 0; t < analysis.length; t++) {
		columns[t] = analysis.indices[t] - base;
	}
	return columns;
}

export function denseOneHot(columns: ArrayLike<number>, size: number, dtype: 'uint8', limitBytes?: number): Uint8Array;
export function denseOneHot(columns: ArrayLike<number>, size: number, dtype: 'float32', limitBytes?: number): Float32Array;
export function denseOneHot(columns: ArrayLike<number>, size: number, dtype?: DenseDtype, limitBytes?: number): Uint8Array | Float32Array;
/**
 * The dense rows × |V| matrix, row-major (row t starts at t·|V|). A negative column gives an
 * all-zero row: that is how padded time steps of a batch look. Throws {@link OneHotSizeError}
 * above `limitBytes` (256 MiB by default) before allocating anything.
 */
export function denseOneHot(columns: ArrayLike<number>, size: number, dtype: DenseDtype = 'uint8', limitBytes = defaultDenseLimitBytes): Uint8Array | Float32Array {
	if (!Number.isSafeInteger(size) || size <= 0) {
		throw new RangeError(`|V| must be a positive integer, not ${size}.`);
	}
	const rows = columns.length;
	const bytes = rows * size * (dtype === 'float32' ? 4 : 1);
	if (bytes > limitBytes) {
		throw new OneHotSizeError(bytes, limitBytes, [rows, size], dtype);
	}
	const out = dtype === 'float32' ? new Float32Array(rows * size) : new Uint8Array(rows * size);
	for (let t = 0; t < rows; t++) {
		const c = columns[t];
		if (c >= size || !Number.isInteger(c)) {
			throw new RangeError(`Row ${t} has column ${c}, outside 0…${size - 1}.`);
		}
		if (c >= 0) {
			out[t * size + c] = 1;
		}
	}
	return out;
}
