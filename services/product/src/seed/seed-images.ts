/** Product pictures for the seed: a category silhouette in the product's colour, rendered with sharp. */
import sharp from "sharp";
import type { Shape } from "./catalogue-data.js";

const SIZE = 600;

/** Silhouettes on a 600×600 canvas; `c` is the product colour, `d` a darker shade for details. */
const shapes: Record<Shape, (c: string, d: string) => string> = {
  shirt: (c, d) =>
    `<path d="M210 120 L250 100 Q300 140 350 100 L390 120 L480 190 L440 260 L400 235 L400 480 L200 480 L200 235 L160 260 L120 190 Z" fill="${c}" stroke="${d}" stroke-width="6"/>
     <path d="M250 100 Q300 150 350 100" fill="none" stroke="${d}" stroke-width="6"/>`,
  sneaker: (c, d) =>
    `<path d="M110 380 L130 250 Q190 250 230 290 L330 330 Q420 350 480 360 Q510 370 505 410 L110 410 Z" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="105" y="405" width="405" height="32" rx="14" fill="#fafafa" stroke="${d}" stroke-width="6"/>
     <path d="M230 300 L260 280 M260 315 L290 295 M290 325 L320 305" stroke="${d}" stroke-width="6"/>`,
  handbag: (c, d) =>
    `<path d="M220 230 Q220 130 300 130 Q380 130 380 230" fill="none" stroke="${d}" stroke-width="14"/>
     <rect x="150" y="220" width="300" height="250" rx="36" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="275" y="250" width="50" height="28" rx="8" fill="${d}"/>`,
  ring: (c, d) =>
    `<circle cx="300" cy="350" r="130" fill="none" stroke="${c}" stroke-width="34"/>
     <circle cx="300" cy="350" r="130" fill="none" stroke="${d}" stroke-width="4"/>
     <path d="M250 215 L300 150 L350 215 L300 250 Z" fill="#e8f1ff" stroke="${d}" stroke-width="6"/>`,
  lipstick: (c, d) =>
    `<path d="M255 250 L255 160 Q300 110 345 150 L345 250 Z" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="240" y="250" width="120" height="70" rx="8" fill="#d9d9d9" stroke="${d}" stroke-width="6"/>
     <rect x="225" y="320" width="150" height="170" rx="12" fill="${d}"/>`,
  ball: (c, d) =>
    `<circle cx="300" cy="300" r="190" fill="${c}" stroke="${d}" stroke-width="8"/>
     <path d="M300 110 Q220 300 300 490 M300 110 Q380 300 300 490 M110 300 Q300 230 490 300" fill="none" stroke="${d}" stroke-width="8"/>`,
  headphones: (c, d) =>
    `<path d="M150 330 Q150 130 300 130 Q450 130 450 330" fill="none" stroke="${d}" stroke-width="22"/>
     <rect x="115" y="300" width="90" height="150" rx="36" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="395" y="300" width="90" height="150" rx="36" fill="${c}" stroke="${d}" stroke-width="6"/>`,
  sofa: (c, d) =>
    `<rect x="140" y="200" width="320" height="150" rx="30" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="100" y="280" width="80" height="160" rx="26" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="420" y="280" width="80" height="160" rx="26" fill="${c}" stroke="${d}" stroke-width="6"/>
     <rect x="170" y="330" width="260" height="90" rx="18" fill="${c}" stroke="${d}" stroke-width="6"/>
     <path d="M150 440 L150 480 M450 440 L450 480" stroke="${d}" stroke-width="12"/>`,
};

/** Mixes `hex` with black (amount < 0) or white (amount > 0). */
export function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff;
    const mixed = amount < 0 ? c * (1 + amount) : c + (255 - c) * amount;
    return Math.round(mixed).toString(16).padStart(2, "0");
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** Decorative dots that tell products of one category apart (`variant` 0–3). */
function accents(variant: number, colour: string): string {
  const spots = [
    [80, 90, 18],
    [520, 110, 12],
    [500, 470, 16],
    [95, 470, 10],
  ];
  return spots
    .filter((_, i) => (i + variant) % 2 === 0 || i === variant)
    .map(
      ([x, y, r]) =>
        `<circle cx="${x}" cy="${y}" r="${r! + variant * 3}" fill="${shade(colour, 0.5)}" opacity="0.7"/>`,
    )
    .join("");
}

export function productSvg(shape: Shape, colour: string, variant = 0): string {
  const background = shade(colour, 0.85);
  const outline = shade(colour, -0.45);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="${background}"/>
    </linearGradient></defs>
    <rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>
    ${accents(variant % 4, colour)}
    <ellipse cx="300" cy="520" rx="200" ry="22" fill="#000" opacity="0.08"/>
    ${shapes[shape](colour, outline)}
  </svg>`;
}

/** Renders the picture as WebP; the same input always gives the same bytes. */
export async function renderProductImage(
  shape: Shape,
  colour: string,
  variant = 0,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(productSvg(shape, colour, variant)))
    .webp({ quality: 80, effort: 2 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
