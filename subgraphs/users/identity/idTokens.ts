import { GraphQLError } from 'graphql';
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };
import type { Config } from '../../../platform/config';
import { ErrorCode, forbidden, unauthenticated } from '../../../platform/errors';
import type { FetchLike } from '../../../platform/http/internalCalls';

/** Who the app's identity provider says the shopper is. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
}

export interface IdTokenVerifier {
  verify(idToken: string): Promise<VerifiedIdentity>;
}

// jose is ESM-only: loaded once, natively (the test runner keeps import() native).
let joseModule: Promise<typeof Jose> | undefined;
const jose = () => (joseModule ??= import('jose'));

/**
 * Verifies the app's ID tokens with jose against the configured JWKS URL
 * (keys fetched and cached by jose, re-fetched when a new `kid` appears) or
 * public key: signature, algorithm, issuer, audience, expiry and not-before,
 * with the configured clock skew. Any failure is UNAUTHENTICATED, reason
 * ID_TOKEN_INVALID, with jose's code (ERR_JWT_EXPIRED …) as `detail`.
 */
export function createIdTokenVerifier(settings: Config['signIn'], fetch: FetchLike): IdTokenVerifier {
  const { jwksUrl, publicKeyPem, issuer, audience, algorithms, clockSkewSeconds } = settings;
  if ((!jwksUrl && !publicKeyPem) || !issuer || !audience) {
    return {
      verify: async () => {
        throw forbidden('Sign-in is not configured on this server (JWT_JWKS_URL or JWT_PUBLIC_KEY)', { reason: 'SIGN_IN_NOT_CONFIGURED' });
      },
    };
  }
  let key: Promise<Jose.JWTVerifyGetKey | Jose.CryptoKey> | undefined;
  const keyOf = () =>
    (key ??= jose().then(async (j) =>
      jwksUrl
        ? j.createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, [j.customFetch]: fetch as unknown as typeof globalThis.fetch })
        : j.importSPKI(publicKeyPem!, algorithms[0]!),
    ));
  return {
    async verify(idToken) {
      if (idToken.length > 8192) throw unauthenticated('The ID token is too long', 'ID_TOKEN_INVALID');
      const j = await jose();
      const resolved = await keyOf();
      try {
        const options = { issuer, audience, algorithms, clockTolerance: clockSkewSeconds, requiredClaims: ['sub', 'exp'] };
        const { payload } = typeof resolved === 'function'
          ? await j.jwtVerify(idToken, resolved, options)
          : await j.jwtVerify(idToken, resolved, options);
        return { issuer: payload.iss!, subject: payload.sub! };
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
        throw new GraphQLError(`The ID token was not accepted (${code})`, {
          extensions: { code: ErrorCode.UNAUTHENTICATED, reason: 'ID_TOKEN_INVALID', detail: code },
        });
      }
    },
  };
}
