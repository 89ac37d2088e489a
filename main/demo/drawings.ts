import sharp from 'sharp';
import type { DemoProduct } from './catalogData';

/** Simple product drawings (no text, so no font is needed) rendered to JPEG by sharp. */
const SHAPES: Record<DemoProduct['shape'], (c: string) => string> = {
  car: (c) => `<rect x="70" y="190" width="260" height="80" rx="20" fill="${c}"/><path d="M120 190 L160 130 L260 130 L300 190 Z" fill="${c}" opacity="0.85"/><path d="M170 140 L250 140 L280 185 L150 185 Z" fill="#cfe8ff"/><circle cx="130" cy="275" r="32" fill="#333"/><circle cx="270" cy="275" r="32" fill="#333"/><circle cx="130" cy="275" r="12" fill="#aaa"/><circle cx="270" cy="275" r="12" fill="#aaa"/>`,
  ball: (c) => `<circle cx="200" cy="200" r="130" fill="${c}"/><path d="M70 200 Q200 120 330 200" stroke="#fff" stroke-width="14" fill="none"/><path d="M200 70 Q130 200 200 330" stroke="#fff" stroke-width="14" fill="none" opacity="0.7"/><circle cx="150" cy="140" r="25" fill="#fff" opacity="0.35"/>`,
  bear: (c) => `<circle cx="120" cy="110" r="45" fill="${c}"/><circle cx="280" cy="110" r="45" fill="${c}"/><circle cx="200" cy="190" r="110" fill="${c}"/><ellipse cx="200" cy="230" rx="50" ry="38" fill="#f3e0c0"/><circle cx="160" cy="170" r="12" fill="#222"/><circle cx="240" cy="170" r="12" fill="#222"/><ellipse cx="200" cy="215" rx="16" ry="11" fill="#222"/>`,
  ring: (c) => `<circle cx="200" cy="220" r="100" fill="none" stroke="${c}" stroke-width="28"/><path d="M170 120 L200 70 L230 120 L200 140 Z" fill="#bfe6ff" stroke="#7fb3d5" stroke-width="4"/>`,
  watch: (c) => `<rect x="165" y="40" width="70" height="320" rx="18" fill="${c}"/><circle cx="200" cy="200" r="95" fill="#eee" stroke="#777" stroke-width="14"/><line x1="200" y1="200" x2="200" y2="135" stroke="#222" stroke-width="9" stroke-linecap="round"/><line x1="200" y1="200" x2="250" y2="215" stroke="#222" stroke-width="6" stroke-linecap="round"/><circle cx="200" cy="200" r="8" fill="#c0392b"/>`,
  glasses: (c) => `<path d="M40 170 L360 170" stroke="${c}" stroke-width="12"/><ellipse cx="125" cy="210" rx="85" ry="60" fill="#333" stroke="${c}" stroke-width="12"/><ellipse cx="275" cy="210" rx="85" ry="60" fill="#333" stroke="${c}" stroke-width="12"/><path d="M95 190 Q115 175 140 185" stroke="#fff" stroke-width="6" fill="none" opacity="0.5"/>`,
  tool: (c) => `<rect x="180" y="60" width="40" height="200" rx="8" fill="#9aa5ad"/><rect x="160" y="240" width="80" height="120" rx="22" fill="${c}"/><path d="M150 60 L250 60 L230 110 L170 110 Z" fill="#7b868e"/>`,
  pot: (c) => `<rect x="90" y="150" width="220" height="170" rx="24" fill="${c}"/><rect x="70" y="130" width="260" height="30" rx="10" fill="#666"/><rect x="30" y="180" width="60" height="18" rx="9" fill="#444"/><rect x="310" y="180" width="60" height="18" rx="9" fill="#444"/><rect x="180" y="105" width="40" height="25" rx="8" fill="#444"/>`,
  bag: (c) => `<path d="M140 150 Q140 70 200 70 Q260 70 260 150" stroke="#5d4037" stroke-width="16" fill="none"/><rect x="90" y="140" width="220" height="200" rx="18" fill="${c}"/><rect x="175" y="190" width="50" height="30" rx="6" fill="#f5d76e"/>`,
  star: (c) => `<path d="M200 50 L240 160 L355 160 L262 228 L298 340 L200 272 L102 340 L138 228 L45 160 L160 160 Z" fill="${c}"/><circle cx="200" cy="200" r="30" fill="#fff" opacity="0.5"/>`,
  pen: (c) => `<g transform="rotate(35 200 200)"><rect x="180" y="40" width="40" height="270" rx="10" fill="${c}"/><path d="M180 310 L220 310 L200 360 Z" fill="#e8c39e"/><rect x="176" y="60" width="48" height="30" fill="#333"/></g>`,
  phone: (c) => `<rect x="125" y="40" width="150" height="320" rx="24" fill="#222"/><rect x="138" y="70" width="124" height="250" rx="6" fill="${c}"/><circle cx="200" cy="340" r="10" fill="#555"/>`,
};

const PALETTE = ['#e74c3c', '#3498db', '#f1c40f', '#2ecc71', '#9b59b6', '#e67e22', '#1abc9c', '#e84393', '#34495e', '#b8860b'];

export function productSvg(shape: DemoProduct['shape'], variant: number): string {
  const color = PALETTE[variant % PALETTE.length] as string;
  const background = ['#f7f4ee', '#eef3f7', '#f4f0f7', '#eef7f0'][variant % 4] as string;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="${background}"/>${SHAPES[shape](color)}</svg>`;
}

export async function productPhoto(shape: DemoProduct['shape'], variant: number): Promise<Buffer> {
  return sharp(Buffer.from(productSvg(shape, variant))).jpeg({ quality: 85 }).toBuffer();
}

/** The demo seller's logo: a stall roof over a box. */
export async function logoImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="360" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#c0392b"/><path d="M10 26 L32 12 L54 26 Z" fill="#f5d76e"/><rect x="14" y="28" width="36" height="24" rx="2" fill="#fff"/><rect x="20" y="34" width="10" height="18" fill="#c0392b"/><rect x="34" y="34" width="10" height="8" fill="#f5d76e"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A company chop: red double ring with the five-pointed star, on a transparent ground. */
export async function chopImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><circle cx="200" cy="200" r="180" fill="none" stroke="#d0021b" stroke-width="14"/><circle cx="200" cy="200" r="150" fill="none" stroke="#d0021b" stroke-width="3" stroke-dasharray="6 5"/><path d="M200 120 L219 176 L278 176 L230 210 L248 266 L200 232 L152 266 L170 210 L122 176 L181 176 Z" fill="#d0021b"/><rect x="120" y="290" width="160" height="12" fill="#d0021b"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
