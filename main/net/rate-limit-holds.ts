/**
 * Hosts that answered 429 with a reset time, and until when. Braze's limit is counted per
 * workspace, not per request (braze.md, "Rate limits"): any request to the host before its reset
 * would be refused as well, and would use up more of a limit the whole workspace shares.
 */
export class RateLimitHolds {
  readonly #until = new Map<string, number>();

  /** Requests to `host` wait until `until` (ms); a later reset never moves an earlier one forward. */
  hold(host: string, until: number): void {
    if (until > (this.#until.get(host) ?? 0)) this.#until.set(host, until);
  }

  /** When requests to `host` may go again, or null when they may go now. */
  heldUntil(host: string, now: number): number | null {
    const until = this.#until.get(host);
    if (until === undefined) return null;
    if (until > now) return until;
    this.#until.delete(host);
    return null;
  }
}
