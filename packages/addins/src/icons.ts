import { deflateSync } from "node:zlib";

/**
 * The add-in's icon, drawn in code so no binary lives in the repo: two linked rings on a
 * Fluent-blue rounded square. Outlook asks for 16, 32, 64, 80 and 128 px PNGs.
 */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** The colour icon (ribbon, manifests); `outline` is the transparent white variant Teams-style manifests ask for. */
export function iconPng(size: number, variant: "color" | "outline" = "color"): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          const [pr, pg, pb, pa] = variant === "color" ? shade(u, v) : outline(u, v);
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      }
      const n = samples * samples;
      const offset = (y * size + x) * 4;
      rgba[offset] = a ? Math.round(r / a) : 0;
      rgba[offset + 1] = a ? Math.round(g / a) : 0;
      rgba[offset + 2] = a ? Math.round(b / a) : 0;
      rgba[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** Colour of one point of the unit square: [r, g, b, alpha 0..1]. */
function shade(u: number, v: number): [number, number, number, number] {
  if (!insideRoundedSquare(u, v, 0.2)) return [0, 0, 0, 0];
  const ring = (cx: number) => Math.abs(Math.hypot(u - cx, v - 0.5) - 0.19) < 0.055;
  if (ring(0.38) || ring(0.62)) return [255, 255, 255, 1];
  return [15, 108, 189, 1];
}

function outline(u: number, v: number): [number, number, number, number] {
  const ring = (cx: number) => Math.abs(Math.hypot(u - cx, v - 0.5) - 0.24) < 0.06;
  return ring(0.35) || ring(0.65) ? [255, 255, 255, 1] : [0, 0, 0, 0];
}

function insideRoundedSquare(u: number, v: number, radius: number): boolean {
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
