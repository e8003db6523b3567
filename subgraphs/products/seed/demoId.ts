import crypto from 'node:crypto';

/** Stable ids so demo data is the same on every machine and every run. */
export function demoId(name: string): string {
  const hash = crypto.createHash('sha256').update(`smartcart-demo:${name}`).digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}
