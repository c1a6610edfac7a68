import { constants, crc32, deflateSync } from 'node:zlib';

/** How hard zlib compresses a card; chosen with `node bench/card-png-levels.ts`. */
export const CARD_PNG_LEVEL = 3;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes pixels as PNG, reusing one scratch buffer from image to image. */
export interface PngEncoder {
  /** `rgba`: 4 bytes a pixel, row after row, not premultiplied (or opaque, where it makes no difference). */
  encode(rgba: Uint8Array, width: number, height: number): Buffer;
}

/**
 * A PNG encoder for flat, mostly-white images such as social cards: 8-bit RGBA, every row stored
 * unfiltered, zlib at `level`. Dropping the alpha channel or filtering the rows would take a pass
 * over every pixel in JavaScript; copying whole rows costs a memcpy, and deflate compresses the
 * long runs of flat colour about as well either way (figures in bench/card-png-levels.ts).
 */
export function createPngEncoder(level: number = CARD_PNG_LEVEL): PngEncoder {
  // The rows with their filter bytes: reused, since fresh memory of this size is slow to touch.
  let rows = Buffer.alloc(0);
  return {
    encode(rgba, width, height) {
      const stride = width * 4;
      if (rgba.length !== stride * height) {
        throw new RangeError(
          `expected ${width}×${height}×4 = ${stride * height} bytes, received ${rgba.length}`,
        );
      }
      if (rows.length !== (stride + 1) * height) rows = Buffer.alloc((stride + 1) * height);
      for (let y = 0; y < height; y++) {
        rows[y * (stride + 1)] = 0; // filter type None
        rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
      }
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header[8] = 8; // bits per channel
      header[9] = 6; // colour type: RGBA
      return Buffer.concat([
        SIGNATURE,
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(rows, { level, strategy: constants.Z_DEFAULT_STRATEGY })),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    },
  };
}

/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
