import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { adler32Combine } from './adler32.ts';

/** How hard zlib compresses a card; chosen with `node bench/card-png-levels.ts`. */
export const CARD_PNG_LEVEL = 3;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A zlib stream's header: deflate with a 32 kB window (what `deflateRawSync` uses by default). */
const ZLIB_HEADER = Buffer.from([0x78, 0x5e]);
/** An empty final block (fixed codes, end of block): the end of the spliced deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** The colours whose blank rows an encoder keeps ready; an image with more encodes the rest as any rows. */
const MAX_BLANK_COLOURS = 8;
/** Blank rows come in pieces of 2^0 … 2^MAX_PIECE_POWER rows. */
const MAX_PIECE_POWER = 10;

/** Encodes pixels as PNG, reusing one scratch buffer from image to image. */
export interface PngEncoder {
  /** `rgba`: 4 bytes a pixel, row after row, not premultiplied (or opaque, where it makes no difference). */
  encode(rgba: Uint8Array, width: number, height: number): Buffer;
}

/** Part of a zlib stream: deflate blocks that end on a byte, and what they hold. */
interface Piece {
  deflated: Buffer;
  /** The Adler-32 of the bytes it holds, and their count. */
  adler: number;
  length: number;
}

/**
 * A PNG encoder for flat images such as social cards: 8-bit RGBA, every row stored unfiltered,
 * zlib at `level`. Most of a card's rows are blank (every pixel the background, or the accent
 * bar's colour), and deflating those took about 40 % of zlib's time: runs of blank rows are
 * instead spliced into the stream as pieces deflated once per encoder (deflate blocks that end
 * on a byte and refer to nothing before them can follow one another), and only the other rows go
 * through zlib, with the stream's checksum combined from the pieces'. Filtering the rows or
 * dropping the alpha channel would take a pass over every pixel in JavaScript; deflate compresses
 * the long runs of flat colour about as well either way (figures in bench/card-png-levels.ts).
 */
export function createPngEncoder(level: number = CARD_PNG_LEVEL): PngEncoder {
  const flushed = { level, finishFlush: constants.Z_FULL_FLUSH };
  // Rows with their filter bytes: reused, since fresh memory of this size is slow to touch.
  let scratch = Buffer.alloc(0);
  // Per colour (the pixel's 4 bytes as a number), its runs of 2^k blank rows deflated, for rows
  // of `blankStride` bytes.
  const blanks = new Map<number, Piece[]>();
  let blankStride = 0;

  /** Deflates `raw` as part of a stream, with its checksum. */
  const deflatePiece = (raw: Uint8Array): Piece => {
    // zlib's checksum of the stored bytes (level 0 only copies them): the cheapest Adler-32 here.
    const stored = deflateSync(raw, { level: 0, chunkSize: raw.length + 1024 });
    return {
      deflated: deflateRawSync(raw, flushed),
      adler: stored.readUInt32BE(stored.length - 4),
      length: raw.length,
    };
  };

  return {
    encode(rgba, width, height) {
      const stride = width * 4;
      if (rgba.length !== stride * height) {
        throw new RangeError(
          `expected ${width}×${height}×4 = ${stride * height} bytes, received ${rgba.length}`,
        );
      }
      const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
      const row = (y: number) => pixels.subarray(y * stride, (y + 1) * stride);

      /** The colour of row `y` when every pixel of it is that colour: the row equals itself a pixel on. */
      const blankColour = (y: number): number | undefined => {
        const line = row(y);
        return width > 0 && line.subarray(4).equals(line.subarray(0, stride - 4))
          ? line.readUInt32LE(0)
          : undefined;
      };
      /** Rows `from` to `to`, all of one colour, as pieces deflated once; undefined past the colours kept. */
      const blankRun = (colour: number, from: number, to: number): Piece[] | undefined => {
        let cached = blanks.get(colour);
        if (!cached) {
          if (blanks.size >= MAX_BLANK_COLOURS) return undefined;
          blanks.set(colour, (cached = []));
        }
        const pieces: Piece[] = [];
        let rows = to - from;
        for (let power = MAX_PIECE_POWER; power >= 0; power--) {
          let count = rows >> power;
          rows -= count << power;
          for (; count > 0; count--) {
            pieces.push((cached[power] ??= deflatePiece(withFilterBytes(row(from), 1 << power))));
          }
        }
        return pieces;
      };
      const otherRun = (from: number, to: number): Piece => {
        const size = (stride + 1) * (to - from);
        if (scratch.length < size) scratch = Buffer.alloc(size);
        for (let y = from; y < to; y++) {
          const at = (y - from) * (stride + 1);
          scratch[at] = 0; // filter type None
          scratch.set(row(y), at + 1);
        }
        return deflatePiece(scratch.subarray(0, size));
      };

      // Pieces deflated for another width hold rows of the wrong length: start again.
      if (blankStride !== stride) {
        blanks.clear();
        blankStride = stride;
      }

      const pieces: Piece[] = [];
      for (let y = 0; y < height;) {
        const colour = blankColour(y);
        let end = y + 1;
        if (colour === undefined) {
          while (end < height && blankColour(end) === undefined) end++;
          pieces.push(otherRun(y, end));
        } else {
          while (end < height && blankColour(end) === colour) end++;
          const run = blankRun(colour, y, end);
          if (run) pieces.push(...run);
          else pieces.push(otherRun(y, end));
        }
        y = end;
      }
      let adler = 1; // the checksum of no bytes
      for (const piece of pieces) adler = adler32Combine(adler, piece.adler, piece.length);
      const trailer = Buffer.alloc(4);
      trailer.writeUInt32BE(adler);

      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header[8] = 8; // bits per channel
      header[9] = 6; // colour type: RGBA
      const stream = Buffer.concat([
        ZLIB_HEADER,
        ...pieces.map((piece) => piece.deflated),
        FINAL_BLOCK,
        trailer,
      ]);
      return Buffer.concat([
        SIGNATURE,
        chunk('IHDR', header),
        chunk('IDAT', stream),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    },
  };
}

/** `count` copies of `row`, each after its filter byte (None). */
function withFilterBytes(row: Buffer, count: number): Buffer {
  const out = Buffer.alloc((row.length + 1) * count);
  for (let i = 0; i < count; i++) out.set(row, i * (row.length + 1) + 1);
  return out;
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
