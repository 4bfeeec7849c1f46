/**
 * Draws the app icon, build/icon.png (512×512): two stacked flashcards on an
 * indigo tile, with an amber dot for "due". Plain pixels and zlib, so the
 * icon can be remade without an image editor: `npx tsx build/make-icon.ts`.
 *
 * The web app's manifest also wants a 192 px icon and a "maskable" one, which phones crop to
 * their own shape: that one fills the whole square, and the cards already sit inside the
 * central circle (80% of the width) that every crop keeps.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Shapes are drawn in a 512×512 space and scaled to each file's size. */
const SPACE = 512;
const SAMPLES = 4;

type Rgba = [number, number, number, number];

interface Shape {
  color: Rgba;
  contains(x: number, y: number): boolean;
}

function roundedRect(cx: number, cy: number, halfW: number, halfH: number, radius: number, angle: number, color: Rgba): Shape {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return {
    color,
    contains(x, y) {
      const dx = (x - cx) * cos + (y - cy) * sin;
      const dy = -(x - cx) * sin + (y - cy) * cos;
      const qx = Math.abs(dx) - (halfW - radius);
      const qy = Math.abs(dy) - (halfH - radius);
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) <= radius;
    },
  };
}

function circle(cx: number, cy: number, r: number, color: Rgba): Shape {
  return { color, contains: (x, y) => Math.hypot(x - cx, y - cy) <= r };
}

const INDIGO: Rgba = [48, 63, 159, 255];
const cards: Shape[] = [
  roundedRect(270, 236, 150, 100, 24, -0.16, [159, 168, 218, 255]),
  roundedRect(246, 282, 150, 100, 24, 0, [255, 255, 255, 255]),
  roundedRect(226, 262, 90, 12, 12, 0, [48, 63, 159, 255]),
  roundedRect(206, 302, 70, 12, 12, 0, [159, 168, 218, 255]),
  circle(360, 350, 34, [255, 179, 0, 255]),
];
const tile = roundedRect(256, 256, 240, 240, 96, 0, INDIGO);
const fullBleed = roundedRect(256, 256, 256, 256, 0, 0, INDIGO);

function pixel(shapes: Shape[], scale: number, x: number, y: number): Rgba {
  const sum: Rgba = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = (x + (sx + 0.5) / SAMPLES) * scale;
      const py = (y + (sy + 0.5) / SAMPLES) * scale;
      let color: Rgba = [0, 0, 0, 0];
      for (const shape of shapes) if (shape.contains(px, py)) color = shape.color;
      // Premultiplied, so edges against transparency do not darken.
      const alpha = color[3] / 255;
      sum[0] += color[0] * alpha;
      sum[1] += color[1] * alpha;
      sum[2] += color[2] * alpha;
      sum[3] += color[3];
    }
  }
  const n = SAMPLES * SAMPLES;
  const alpha = sum[3] / n;
  const unpremultiply = (channel: number) => (alpha === 0 ? 0 : Math.round(channel / n / (alpha / 255)));
  return [unpremultiply(sum[0]), unpremultiply(sum[1]), unpremultiply(sum[2]), Math.round(alpha)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(shapes: Shape[], size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(shapes, SPACE / size, x, y), row + 1 + x * 4);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const here = resolve(fileURLToPath(import.meta.url), '..');
writeFileSync(resolve(here, 'icon.png'), png([tile, ...cards], 512));
writeFileSync(resolve(here, 'icon-192.png'), png([tile, ...cards], 192));
writeFileSync(resolve(here, 'icon-maskable.png'), png([fullBleed, ...cards], 512));
