import crypto from 'node:crypto';

/** 256 random bits: unguessable, and useless to whoever reads the database (only its hash is stored). */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
