import crypto from 'node:crypto';
import { demoCatalog } from '../subgraphs/products/seed/demoCatalog';

// Placeholder product images, made at build time: the demo catalog names
// `/images/<sku>.jpg` and ships no photographs. One small SVG per demo
// product (its category's colour, its initials and name) and a generic one
// for any other product; gateway/storefront.ts serves them.

const PALETTE = ['#2e7d32', '#1565c0', '#6a1b9a', '#c62828', '#ef6c00', '#00838f', '#4e342e', '#ad1457', '#558b2f', '#283593'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colourOf(key: string): string {
  return PALETTE[crypto.createHash('sha1').update(key).digest()[0]! % PALETTE.length]!;
}

/** Splits a name into at most three lines of about 16 characters. */
function lines(name: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line && (line + ' ' + word).length > 16) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.slice(0, 3);
}

export function productImageSvg(name: string, category: string): string {
  const colour = colourOf(category);
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Za-zÀ-ž]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const text = lines(name)
    .map((line, i) => `<text x="120" y="${178 + i * 20}" font-size="16" text-anchor="middle" fill="#fff">${escape(line)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="${escape(name)}">` +
    `<rect width="240" height="240" rx="16" fill="${colour}"/>` +
    `<circle cx="120" cy="96" r="56" fill="#ffffff" fill-opacity="0.18"/>` +
    `<text x="120" y="114" font-size="48" font-weight="700" text-anchor="middle" fill="#fff" font-family="system-ui, sans-serif">${escape(initials)}</text>` +
    `<g font-family="system-ui, sans-serif">${text}</g></svg>`
  );
}

/** File name (without extension) → SVG, for every demo product, plus `placeholder`. */
export function demoProductImages(): Map<string, string> {
  const images = new Map<string, string>();
  for (const product of demoCatalog().products) images.set(product.sku, productImageSvg(product.name, product.categorySlug));
  images.set('placeholder', productImageSvg('Product', 'placeholder'));
  return images;
}
