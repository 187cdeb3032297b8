/**
 * Draws the add-in's icons (a shield with a tick) as PNGs, so they need no image editor:
 * `npx tsx scripts/make-icons.ts`. Colour icons on the brand colour; the Teams outline icon
 * is white on transparent, as Teams requires.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0b, 0x5c, 0x6b]; // deep teal: 7.4:1 against white

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Inside a shield shape in unit coordinates. */
function inShield(x: number, y: number, inset = 0): boolean {
  const top = 0.12 + inset;
  const bottom = 0.9 - inset;
  if (y < top || y > bottom) return false;
  const half = y < 0.55 ? 0.36 - inset : (0.36 - inset) * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / (bottom - 0.55)) ** 2));
  return Math.abs(x - 0.5) <= half;
}

/** On the tick stroke. */
function onTick(x: number, y: number, width: number): boolean {
  const seg = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width;
  };
  return seg(0.33, 0.5, 0.45, 0.63) || seg(0.45, 0.63, 0.68, 0.36);
}

const colour = (size: number) =>
  png(size, (x, y) => {
    if (onTick(x, y, 0.055) && inShield(x, y)) return [255, 255, 255, 255];
    if (inShield(x, y)) return [...BRAND, 255] as [number, number, number, number];
    return [0, 0, 0, 0];
  });

const outline = png(32, (x, y) => {
  const edge = inShield(x, y) && !inShield(x, y, 0.07);
  return edge || (onTick(x, y, 0.05) && inShield(x, y)) ? [255, 255, 255, 255] : [0, 0, 0, 0];
});

const out = new URL('../public/icons/', import.meta.url);
for (const size of [16, 32, 64, 80, 128, 192]) writeFileSync(new URL(`icon-${size}.png`, out), colour(size));
writeFileSync(new URL('color.png', out), png(192, (x, y) => (onTick(x, y, 0.05) && inShield(x, y, 0.04) ? [255, 255, 255, 255] : inShield(x, y, 0.04) ? [...BRAND, 255] as [number, number, number, number] : [...BRAND, 255] as [number, number, number, number])));
writeFileSync(new URL('outline.png', out), outline);
console.log('icons written to public/icons/');
