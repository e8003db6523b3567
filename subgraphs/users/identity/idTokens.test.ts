import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import { createIdTokenVerifier } from './idTokens';

// The JWKS-URL path of sign-in against a real HTTP server holding the
// provider's public keys: tokens signed by any published key (a provider
// publishes the next key before rotating to it) are accepted from one fetch
// of the set, and tokens from an unknown key, issuer or audience are refused.

const ISSUER = 'https://id.shop.test/';
const AUDIENCE = 'smartcart-app';
let jose: typeof Jose;
let server: http.Server;
let jwksUrl: string;
const published: Jose.JWK[] = [];
let jwksFetches = 0;

async function newKey(kid: string) {
  const { publicKey, privateKey } = await jose.generateKeyPair('RS256');
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { jwk, privateKey, kid };
}

const sign = (key: { privateKey: Jose.CryptoKey; kid: string }, claims: { sub: string; iss?: string; aud?: string }) =>
  new jose.SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);

beforeAll(async () => {
  jose = await import('jose');
  server = http.createServer((_req, res) => {
    jwksFetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('verifies tokens against the JWKS URL with the set fetched once, and refuses unknown keys, issuers and audiences', async () => {
  const first = await newKey('key-1');
  const second = await newKey('key-2');
  published.push(first.jwk, second.jwk);
  const verifier = createIdTokenVerifier(
    { jwksUrl, issuer: ISSUER, audience: AUDIENCE, algorithms: ['RS256'], clockSkewSeconds: 30 },
    globalThis.fetch,
  );

  await expect(verifier.verify(await sign(first, { sub: 'alice' }))).resolves.toEqual({ issuer: ISSUER, subject: 'alice' });
  expect(jwksFetches).toBe(1);

  // After the provider rotated to its next key: the cached set already holds it.
  await expect(verifier.verify(await sign(second, { sub: 'bob' }))).resolves.toEqual({ issuer: ISSUER, subject: 'bob' });
  expect(jwksFetches).toBe(1);

  const stranger = await newKey('key-unpublished');
  await expect(verifier.verify(await sign(stranger, { sub: 'mallory' }))).rejects.toMatchObject({
    extensions: { code: 'UNAUTHENTICATED', reason: 'ID_TOKEN_INVALID' },
  });
  await expect(verifier.verify(await sign(first, { sub: 'alice', iss: 'https://other.test/' }))).rejects.toMatchObject({
    extensions: { code: 'UNAUTHENTICATED', detail: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  });
  await expect(verifier.verify(await sign(first, { sub: 'alice', aud: 'another-app' }))).rejects.toMatchObject({
    extensions: { code: 'UNAUTHENTICATED', detail: 'ERR_JWT_CLAIM_VALIDATION_FAILED' },
  });
});
