/**
 * NumPy `.npy` writer (format version 1.0): magic, a Python-dict header padded so the data starts
 * on a 64-byte boundary, then the array's bytes, little-endian, C order. NumPy reads the result
 * with `numpy.load`.
 */

import type { Analysis } from '../analyze';
import type { Batch } from '../batch';
import { denseOneHot, oneHotColumns, type DenseDtype } from '../oneHot';

export type NpyArray = Int32Array | Uint8Array | Float32Array;

function descr(data: NpyArray): string {
	if (data instanceof Int32Array) {
		return '<i4';
	}
	if (data instanceof Float32Array) {
		return '<f4';
	}
	return '|u1';
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Encodes a typed array of the given shape (C order) as the bytes of a `.npy` file. */
export function encodeNpy(data: NpyArray, shape: readonly number[]): Uint8Array {
	const cells = shape.reduce((a, b) => a * b, 1);
	if (shape.some((d) => !Number.isSafeInteger(d) || d < 0) || cells !== data.length) {
		throw new RangeError(`Shape (${shape.join(', ')}) does not fit ${data.length} values.`);
	}
	// A 1-tuple needs its trailing comma in Python: (12,).
	const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
	let header = `{'descr': '${descr(data)}', 'fortran_order': False, 'shape': ${tuple}, }`;
	const preamble = 10; // magic (6) + version (2) + header length (2)
	const total = Math.ceil((preamble + header.length + 1) / 64) * 64;
	header = header.padEnd(total - preamble - 1, ' ') + '\n';
	if (header.length > 0xffff) {
		throw new RangeError('The .npy header is too long for format version 1.0.');
	}
	const out = new Uint8Array(total + data.byteLength);
	out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0); // \x93NUMPY v1.0
	out[8] = header.length & 0xff;
	out[9] = header.length >> 8;
	for (let i = 0; i < header.length; i++) {
		out[preamble + i] = header.charCodeAt(i);
	}
	if (littleEndian || data instanceof Uint8Array) {
		out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), total);
	} else {
		const view = new DataView(out.buffer, total);
		for (let i = 0; i < data.length; i++) {
			if (data instanceof Int32Array) {
				view.setInt32(i * 4, data[i], true);
			} else {
				view.setFloat32(i * 4, data[i], true);
			}
		}
	}
	return out;
}

function isBatch(source: Analysis | Batch): source is Batch {
	return 'mask' in source && 'm' in source;
}

/** Indices as int32: shape (T) for one analysis, (m, T) for a batch (padded steps hold the pad index). */
export function indicesToNpy(source: Analysis | Batch): Uint8Array {
	if (isBatch(source)) {
		return encodeNpy(source.indices, [source.m, source.maxLength]);
	}
	return encodeNpy(source.indices, [source.length]);
}

/** A batch's mask as uint8 of shape (m, T): 1 for real steps, 0 for padding. */
export function maskToNpy(batch: Batch): Uint8Array {
	return encodeNpy(batch.mask, [batch.m, batch.maxLength]);
}

/**
 * The dense one-hot matrix: shape (T, |V|) for one analysis, (m, T, |V|) for a batch, as uint8
 * or float32. Refused (OneHotSizeError) above `limitBytes`, 256 MiB by default.
 */
export function oneHotToNpy(source: Analysis | Batch, dtype: DenseDtype = 'uint8', limitBytes?: number): Uint8Array {
	const size = source.vocabulary.size;
	if (isBatch(source)) {
		return encodeNpy(denseOneHot(source.columns, size, dtype, limitBytes), [source.m, source.maxLength, size]);
	}
	return encodeNpy(denseOneHot(oneHotColumns(source), size, dtype, limitBytes), [source.length, size]);
}
