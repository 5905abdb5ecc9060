// Keeps one in-memory catalogue per (game mode, language) that channels use, refreshed in the
// background. With several instances one refreshes, under a lock in the shared cache, and writes a
// snapshot; the others load that snapshot when its version changes. Chat never waits for tarkov.dev.
import type { Cache, Clock, Logger } from '../../core/ports.ts';
import type { TarkovDevApi } from './adapters/tarkov-dev.client.ts';
import { Catalogue, type CatalogueData, type GameMode, type Language } from './eft.catalogue.ts';

export interface CatalogueStoreOptions {
  api: TarkovDevApi;
  cache: Cache;
  clock: Clock;
  logger: Logger;
  /** How often the catalogue is fetched from tarkov.dev (its prices move about every 5 minutes). */
  refreshIntervalMs: number;
  /** Names this instance in the refresh lock. */
  instanceId: string;
  /** Called whenever a newer catalogue is installed, from tarkov.dev or from another instance's snapshot. */
  onUpdate?: (catalogue: Catalogue) => void;
}

/** How fresh the catalogue behind an answer is. */
export interface Freshness {
  fetchedAt: number;
  ageMs: number;
  /** The last refresh failed or is overdue: answers say how old their prices are. */
  stale: boolean;
}

export interface CatalogueStatus {
  mode: GameMode;
  lang: Language;
  items: number;
  freshness: Freshness | null;
  lastError: { at: number; message: string } | null;
}

// Kept long so a restart during an outage still has prices to show, with their age.
const SNAPSHOT_TTL_SECONDS = 7 * 24 * 3600;

type Key = `${GameMode}:${Language}`;

export class CatalogueStore {
  private readonly catalogues = new Map<Key, Catalogue>();
  private readonly wanted = new Set<Key>();
  private readonly lastError = new Map<Key, { at: number; message: string }>();
  private readonly lastAttempt = new Map<Key, number>();
  private readonly inflight = new Map<Key, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  readonly pollIntervalMs: number;
  private readonly retryMs: number;
  private readonly lockTtlSeconds: number;

  constructor(private readonly options: CatalogueStoreOptions) {
    this.pollIntervalMs = Math.min(30_000, Math.max(250, Math.round(options.refreshIntervalMs / 4)));
    this.retryMs = Math.min(options.refreshIntervalMs, 60_000);
    // Longer than a catalogue request may take, so two instances do not fetch at once.
    this.lockTtlSeconds = Math.ceil(catalogueTimeoutMs(options.refreshIntervalMs) / 1000) + 5;
  }

  /** Starts the background refresh, loading `initial` first. */
  start(initial: { mode: GameMode; lang: Language }[]): void {
    for (const { mode, lang } of initial) this.wanted.add(keyOf(mode, lang));
    this.tick();
    this.timer = setInterval(() => this.tick(), this.pollIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The catalogue to answer from, or undefined while none was loaded yet (a load is then under way). */
  get(mode: GameMode, lang: Language): Catalogue | undefined {
    const key = keyOf(mode, lang);
    const catalogue = this.catalogues.get(key);
    if (!this.wanted.has(key)) {
      this.wanted.add(key);
      void this.sync(key);
    } else if (!catalogue && !this.inflight.has(key)) {
      void this.sync(key);
    }
    return catalogue;
  }

  /** Waits for a catalogue: the shared snapshot, or a fetch. For the command line and tests; chat uses `get`. */
  async load(mode: GameMode, lang: Language): Promise<Catalogue | undefined> {
    const key = keyOf(mode, lang);
    this.wanted.add(key);
    this.lastAttempt.delete(key);
    await this.sync(key);
    return this.catalogues.get(key);
  }

  freshness(catalogue: Catalogue): Freshness {
    const key = keyOf(catalogue.data.mode, catalogue.data.lang);
    const ageMs = Math.max(0, this.options.clock.now() - catalogue.fetchedAt);
    const error = this.lastError.get(key);
    const failedSince = error !== undefined && error.at > catalogue.fetchedAt;
    return { fetchedAt: catalogue.fetchedAt, ageMs, stale: failedSince || ageMs > 2 * this.options.refreshIntervalMs };
  }

  status(): CatalogueStatus[] {
    return [...this.wanted].map((key) => {
      const [mode, lang] = key.split(':') as [GameMode, Language];
      const catalogue = this.catalogues.get(key);
      return {
        mode,
        lang,
        items: catalogue?.data.items.length ?? 0,
        freshness: catalogue ? this.freshness(catalogue) : null,
        lastError: this.lastError.get(key) ?? null,
      };
    });
  }

  private tick(): void {
    for (const key of this.wanted) void this.sync(key);
  }

  private sync(key: Key): Promise<void> {
    let running = this.inflight.get(key);
    if (!running) {
      running = this.syncOnce(key)
        .catch((err: unknown) => this.options.logger.error({ err, catalogue: key }, 'eft catalogue sync failed'))
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  private async syncOnce(key: Key): Promise<void> {
    const { cache, clock } = this.options;
    const version = Number(await cache.get(`eft:catalogue:${key}:at`));
    const current = this.catalogues.get(key);
    if (Number.isFinite(version) && version > (current?.fetchedAt ?? 0)) await this.loadSnapshot(key);

    const newest = this.catalogues.get(key)?.fetchedAt ?? 0;
    const now = clock.now();
    if (now - newest < this.options.refreshIntervalMs) return;
    if (now - (this.lastAttempt.get(key) ?? 0) < this.retryMs) return;
    const lockKey = `eft:catalogue:${key}:lock`;
    if (!(await cache.setIfAbsent(lockKey, this.options.instanceId, this.lockTtlSeconds))) return;
    this.lastAttempt.set(key, now);
    try {
      await this.fetchAndPublish(key);
    } finally {
      await cache.delete(lockKey);
    }
  }

  private async fetchAndPublish(key: Key): Promise<void> {
    const [mode, lang] = key.split(':') as [GameMode, Language];
    const started = this.options.clock.now();
    let data: CatalogueData;
    try {
      const result = await this.options.api.fetchCatalogue(mode, lang);
      data = { ...result.data, fetchedAt: this.options.clock.now() };
      if (result.dropped > 0) this.options.logger.warn({ catalogue: key, dropped: result.dropped }, 'tarkov.dev sent items that could not be used');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.lastError.set(key, { at: this.options.clock.now(), message });
      this.options.logger.warn({ catalogue: key, err: message }, 'eft catalogue refresh failed; answering from the last one');
      return;
    }
    if (data.items.length === 0) {
      this.lastError.set(key, { at: this.options.clock.now(), message: 'tarkov.dev sent an empty catalogue' });
      this.options.logger.warn({ catalogue: key }, 'tarkov.dev sent an empty catalogue; keeping the last one');
      return;
    }
    this.install(key, new Catalogue(data));
    this.lastError.delete(key);
    const json = JSON.stringify(data);
    await this.options.cache.set(`eft:catalogue:${key}`, json, SNAPSHOT_TTL_SECONDS);
    await this.options.cache.set(`eft:catalogue:${key}:at`, String(data.fetchedAt), SNAPSHOT_TTL_SECONDS);
    this.options.logger.info({ catalogue: key, items: data.items.length, bytes: json.length, ms: this.options.clock.now() - started }, 'eft catalogue refreshed');
  }

  private async loadSnapshot(key: Key): Promise<void> {
    const json = await this.options.cache.get(`eft:catalogue:${key}`);
    if (!json) return;
    let data: CatalogueData;
    try {
      data = JSON.parse(json) as CatalogueData;
    } catch (err) {
      this.options.logger.warn({ catalogue: key, err }, 'the shared eft catalogue snapshot is unreadable; ignoring it');
      return;
    }
    if (!isCatalogueData(data) || `${data.mode}:${data.lang}` !== key) {
      this.options.logger.warn({ catalogue: key }, 'the shared eft catalogue snapshot has the wrong shape; ignoring it');
      return;
    }
    if (data.fetchedAt > (this.catalogues.get(key)?.fetchedAt ?? 0)) this.install(key, new Catalogue(data));
  }

  private install(key: Key, catalogue: Catalogue): void {
    this.catalogues.set(key, catalogue);
    try {
      this.options.onUpdate?.(catalogue);
    } catch (err) {
      this.options.logger.error({ err, catalogue: key }, 'eft catalogue update hook failed');
    }
  }
}

/** How long one catalogue request may take: 30 s, or less when refreshes are more frequent than that. */
export function catalogueTimeoutMs(refreshIntervalMs: number): number {
  return Math.min(30_000, refreshIntervalMs);
}

function keyOf(mode: GameMode, lang: Language): Key {
  return `${mode}:${lang}`;
}

// The snapshot is our own data written by another instance; checking its outline guards against a
// different version of the bot sharing the cache.
function isCatalogueData(value: unknown): value is CatalogueData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<CatalogueData>;
  return (
    typeof data.fetchedAt === 'number' &&
    typeof data.mode === 'string' &&
    typeof data.lang === 'string' &&
    typeof data.flea === 'object' &&
    data.flea !== null &&
    Array.isArray(data.items) &&
    data.items.every((item) => typeof item?.id === 'string' && typeof item.name === 'string' && Array.isArray(item.sellTo))
  );
}
