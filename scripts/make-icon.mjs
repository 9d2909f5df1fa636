#!/usr/bin/env node
// Draws media/icon.png (128×128): a small one-hot matrix, one lit cell per row, the last row's
// cell in the <UNK> colour. A tiny PNG encoder over node:zlib keeps this free of image packages.
// Run: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const size = 128;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pixels = new Uint8Array(size * size * 4);

const background = [0x1f, 0x2a, 0x44, 255];
const cellOff = [0x2e, 0x3d, 0x5e, 255];
const cellOn = [0x58, 0xa6, 0xff, 255];
const cellUnk = [0xff, 0x7b, 0x72, 255];

function fillRect(x0, y0, w, h, colour) {
	for (let y = y0; y < y0 + h; y++) {
		for (let x = x0; x < x0 + w; x++) {
			pixels.set(colour, (y * size + x) * 4);
		}
	}
}

/** Rounded-corner background: pixels outside the corner radius stay transparent. */
function roundedBackground(radius) {
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
			const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
			if (dx * dx + dy * dy <= radius * radius) {
				pixels.set(background, (y * size + x) * 4);
			}
		}
	}
}

roundedBackground(20);
// Six tokens over eight vocabulary columns; the last column is <UNK>.
const rows = 6;
const columns = 8;
const ones = [2, 5, 0, 3, 7, 1];
const cell = 12;
const gap = 2;
const gridW = columns * cell + (columns - 1) * gap;
const gridH = rows * cell + (rows - 1) * gap;
const left = Math.floor((size - gridW) / 2);
const top = Math.floor((size - gridH) / 2);
for (let r = 0; r < rows; r++) {
	for (let c = 0; c < columns; c++) {
		const lit = ones[r] === c;
		const colour = lit ? (c === columns - 1 ? cellUnk : cellOn) : cellOff;
		fillRect(left + c * (cell + gap), top + r * (cell + gap), cell, cell, colour);
	}
}

// ──── PNG encoding: signature, IHDR, one IDAT of filtered scanlines, IEND ────
const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) {
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const b of bytes) {
		c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
	}
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
	raw[y * (size * 4 + 1)] = 0; // filter: none
	Buffer.from(pixels.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
}
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', header),
	chunk('IDAT', deflateSync(raw, { level: 9 })),
	chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(root, 'media', 'icon.png');
writeFileSync(out, png);
console.log(`make-icon: wrote ${path.relative(root, out)} (${png.length} bytes)`);
