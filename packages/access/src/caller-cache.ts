/**
 * The channel the database notifies when users, sessions or API keys change (migration
 * 2026_11_23_0301_auth_changes).
 */
export const AUTH_CHANGES_CHANNEL = "retain_auth_changed";

/** How many changes to users, sessions or API keys this process has seen. */
let generation = 0;

/**
 * Says that users, sessions or API keys changed: every CallerCache of the process forgets what it
 * holds. Call it once the change has committed (this process's own changes then take effect on the
 * very next request) and for every notification on AUTH_CHANGES_CHANNEL (everybody else's).
 */
export function authChanged(): void {
  generation++;
}

export type CallerCacheOptions = {
  /** The longest an entry is kept, even without any change (a backstop; changes end it at once). */
  ttlMs: number;
  /** Entries beyond this many push out the oldest. */
  maxEntries: number;
};

type Entry<T> = { value: T; generation: number; until: number };

/**
 * Who a token belongs to, remembered by the token's hash, so that a request does not look its
 * session or API key up on every call. An entry is served only while nothing about users, sessions
 * or API keys changed since its look-up began:
 * - every change bumps a process-wide generation (authChanged), and an entry is stored under the
 *   generation read *before* its look-up, so a look-up that raced with a change is stale on arrival;
 * - while the database's change feed is not connected (setLive(false)) nothing is served or stored,
 *   because changes made elsewhere would go unseen;
 * - an entry ends at the session's own expiry, after `ttlMs` at the latest.
 * Unknown tokens are never stored: a miss costs what it did without the cache.
 */
export class CallerCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  #live = false;

  constructor(private readonly options: CallerCacheOptions) {}

  /** Whether changes made by other processes reach this one (see the class comment). */
  setLive(live: boolean): void {
    if (!live) this.#entries.clear();
    this.#live = live;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The remembered caller of `tokenHash`, else what `load` finds (remembered until `until`, a time
   * in ms, or ttlMs, whichever comes first).
   */
  async get(
    tokenHash: string,
    load: () => Promise<{ value: T; until: number } | undefined>,
    now: () => number = Date.now,
  ): Promise<T | undefined> {
    const entry = this.#entries.get(tokenHash);
    if (entry) {
      if (this.#live && entry.generation === generation && entry.until > now()) return entry.value;
      this.#entries.delete(tokenHash);
    }
    const seen = generation;
    const found = await load();
    if (found && this.#live && seen === generation) {
      if (this.#entries.size >= this.options.maxEntries) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
      this.#entries.set(tokenHash, {
        value: found.value,
        generation: seen,
        until: Math.min(found.until, now() + this.options.ttlMs),
      });
    }
    return found?.value;
  }
}
