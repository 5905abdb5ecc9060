import { errors, jwtVerify, SignJWT } from 'jose';

/** The identity an access token carries. */
export interface SessionUser {
  userId: string;
  login: string;
}

const ISSUER = 'utb';
const AUDIENCE = 'utb-api';
const ALGORITHM = 'HS256';
export const ACCESS_TOKEN_SECONDS = 15 * 60;

/** A token that is missing, forged, expired or otherwise unacceptable. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/**
 * Short-lived access tokens (JWT, HS256). Verification pins the algorithm, issuer and audience, so
 * `alg: none` and algorithm-confusion tokens are refused.
 */
export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    private readonly lifetimeSeconds = ACCESS_TOKEN_SECONDS,
  ) {
    if (secret.length < 32) throw new Error('the JWT secret must be at least 32 bytes');
  }

  issue(user: SessionUser): Promise<string> {
    return new SignJWT({ login: user.login })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.secret);
  }

  async verify(token: string): Promise<SessionUser> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
      if (typeof payload.sub !== 'string' || typeof payload['login'] !== 'string') throw new InvalidTokenError('token lacks its subject');
      return { userId: payload.sub, login: payload['login'] };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof errors.JWTExpired ? 'access token expired' : 'invalid access token');
    }
  }
}
