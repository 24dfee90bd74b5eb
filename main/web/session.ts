import { randomBytes, timingSafeEqual } from 'node:crypto';

const randomToken = (): string => randomBytes(32).toString('base64url');

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The printed URL carries a one-time token; opening it trades the token for a session cookie, so
 * the token in the terminal or browser history is worthless afterwards.
 */
export class Sessions {
  private readonly oneTimeToken = randomToken();
  private tokenUsed = false;
  private readonly sessions = new Set<string>();

  get token(): string {
    return this.oneTimeToken;
  }

  /** A new session id for the right, unused token; null otherwise. */
  redeem(token: string): string | null {
    if (this.tokenUsed || !sameSecret(token, this.oneTimeToken)) return null;
    this.tokenUsed = true;
    const session = randomToken();
    this.sessions.add(session);
    return session;
  }

  isValid(session: string | undefined): boolean {
    if (!session) return false;
    for (const known of this.sessions) if (sameSecret(session, known)) return true;
    return false;
  }
}
