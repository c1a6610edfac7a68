import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { adler32Combine } from '../../src/seo/adler32.ts';
import { createPngEncoder } from '../../src/seo/encode-png.ts';

/** zlib's own Adler-32 of `data`: the trailer of a stored zlib stream. */
function adler32(data: Uint8Array): number {
  const stream = deflateSync(data, { level: 0 });
  return stream.readUInt32BE(stream.length - 4);
}

/** A PNG's chunks, each CRC checked, and its pixels inflated by zlib (which checks the Adler-32). */
function readPng(png: Buffer): { width: number; height: number; rows: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    expect(crc32(png.subarray(at + 4, at + 8 + length)), type).toBe(png.readUInt32BE(at + 8 + length));
    chunks.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect([...chunks.keys()]).toEqual(['IHDR', 'IDAT', 'IEND']);
  const header = chunks.get('IHDR')!;
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    rows: inflateSync(chunks.get('IDAT')!),
  };
}

/** The pixels as a PNG stores them unfiltered: each row after a filter byte of 0. */
function unfilteredRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    out.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return out;
}

/** An image of `height` rows, each filled by `pixel(x, y)` (RGBA as one number, R in the lowest byte). */
function image(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) out.writeUInt32LE(pixel(x, y) >>> 0, (y * width + x) * 4);
  return out;
}

const WHITE = 0xffffffff;
const BLUE = 0xffd84e1d;
/** Deterministic noise: no two neighbouring rows alike. */
const noise = (x: number, y: number) => (Math.imul(x + 1, 2654435761) ^ Math.imul(y + 7, 40503)) | 0xff000000;

describe('Adler-32 of two pieces', () => {
  it('equals the checksum of both read one after the other, whatever their lengths', () => {
    const data = image(97, 211, noise);
    for (const cut of [0, 1, 5551, 5552, 65521, 65522, 40_000, data.length - 1, data.length]) {
      const [first, second] = [data.subarray(0, cut), data.subarray(cut)];
      expect(adler32Combine(adler32(first), adler32(second), second.length), `cut at ${cut}`).toBe(
        adler32(data),
      );
    }
  });
});

describe('the PNG encoder', () => {
  const cases: [string, number, number, (x: number, y: number) => number][] = [
    ['blank rows only, more than the largest piece', 40, 2100, () => WHITE],
    [
      'a bar, blank rows, text-like rows and a last row unlike the others',
      60,
      90,
      (x, y) => (y < 16 ? BLUE : (y > 30 && y < 50 && x % 7 < 3) || y === 89 ? noise(x, y) : WHITE),
    ],
    ['no blank row at all', 33, 41, noise],
    [
      'more colours of blank rows than the encoder keeps',
      8,
      120,
      (_, y) => (0xff000000 | (Math.floor(y / 3) * 0x010305)) >>> 0,
    ],
    ['one pixel', 1, 1, () => BLUE],
    ['one row', 300, 1, noise],
  ];

  it.each(cases)('stores %s exactly', (_, width, height, pixel) => {
    const rgba = image(width, height, pixel);
    const decoded = readPng(createPngEncoder().encode(rgba, width, height));
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(decoded.rows.equals(unfilteredRows(rgba, width, height))).toBe(true);
  });

  it('encodes images of other sizes and colours one after another with one encoder', () => {
    const encoder = createPngEncoder();
    for (const [, width, height, pixel] of [...cases, ...cases.slice().reverse()]) {
      const rgba = image(width, height, pixel);
      expect(
        readPng(encoder.encode(rgba, width, height)).rows.equals(unfilteredRows(rgba, width, height)),
      ).toBe(true);
    }
  });

  it('writes a card-sized image that the canvas library decodes to the same pixels', async () => {
    const [width, height] = [1200, 630];
    const rgba = image(width, height, (x, y) =>
      y < 16 ? BLUE : y > 200 && y < 300 && x > 80 && x < 900 ? noise(x, y) : WHITE,
    );
    const decoded = await loadImage(createPngEncoder().encode(rgba, width, height));
    const canvas = createCanvas(width, height);
    canvas.getContext('2d').drawImage(decoded, 0, 0);
    expect(Buffer.from(canvas.data()).equals(rgba)).toBe(true);
  });

  it('refuses pixels that do not fill the size given', () => {
    expect(() => createPngEncoder().encode(new Uint8Array(10), 2, 2)).toThrow(
      /expected 2×2×4 = 16 bytes, received 10/,
    );
  });
});
