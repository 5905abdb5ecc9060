import { randomUUID } from 'node:crypto';
import type { Clock, Logger, TwitchApi } from '../../core/ports.ts';
import type { ModerationEnforcer } from './moderation.enforcer.ts';
import type { LogWriter } from './moderation.log-writer.ts';
import type { LogQuery, ModerationRepository } from './moderation.repository.ts';
import { blockedTermSchema, moderationSettings, type BlockedTerm, type ModerationSettings } from './moderation.settings.ts';
import type { LogEntry } from './moderation.tables.ts';

/** Where a channel's moderation settings live (the channel's module settings); main wires it. */
export interface ModerationSettingsStore {
  /** The stored settings object, or undefined when the channel stored none. Null: unknown channel. */
  load(channel: string): Promise<unknown>;
  /** Stores validated settings and makes the running bot use them; false for an unknown channel. */
  save(channel: string, settings: ModerationSettings): Promise<boolean>;
}

/** A refused request, with a stable code (`moderation.log_not_found`) for the API to map. */
export class ModerationError extends Error {
  override name = 'ModerationError';
  constructor(
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(`${code}: ${message}`);
  }
}

export interface ModerationServiceDeps {
  repository: ModerationRepository;
  log: LogWriter;
  enforcer: ModerationEnforcer;
  twitch: TwitchApi;
  store: ModerationSettingsStore;
  logger: Logger;
  clock: Clock;
}

const SECTIONS = Object.keys(moderationSettings.shape) as (keyof ModerationSettings)[];

/**
 * Moderation as the HTTP API and the dashboard see it: settings, word lists, the log and undo.
 * Everything here is validated; a refusal is a ModerationError with a stable code.
 */
export class ModerationService {
  constructor(private readonly deps: ModerationServiceDeps) {}

  async getSettings(channel: string): Promise<ModerationSettings> {
    const stored = await this.deps.store.load(channel);
    if (stored === null) throw new ModerationError('moderation.channel_not_found', `no channel ${channel}`);
    const parsed = moderationSettings.safeParse(stored ?? {});
    // Stored settings that no longer fit the schema fall back to the defaults, as the pipeline does.
    return parsed.success ? parsed.data : moderationSettings.parse({});
  }

  /**
   * Applies a partial update: each top-level section given (`spam`, `links`, ...) is merged one level
   * deep into the current settings (`{spam: {caps: {...}}}` replaces only the caps filter).
   */
  async updateSettings(channel: string, patch: unknown): Promise<ModerationSettings> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new ModerationError('moderation.invalid_settings', 'settings must be an object');
    }
    const unknown = Object.keys(patch).filter((key) => !SECTIONS.includes(key as keyof ModerationSettings));
    if (unknown.length > 0) throw new ModerationError('moderation.invalid_settings', `unknown settings: ${unknown.join(', ')}`);
    const current = await this.getSettings(channel);
    const merged: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      const base = merged[key];
      merged[key] = isPlainObject(value) && isPlainObject(base) ? { ...base, ...value } : value;
    }
    return this.save(channel, merged);
  }

  async listBlockedTerms(channel: string): Promise<BlockedTerm[]> {
    return (await this.getSettings(channel)).badWords.blocked;
  }

  /** Adds (or replaces, by text and kind) a blocked word, phrase or pattern; patterns are checked for RE2 and size. */
  async addBlockedTerm(channel: string, term: unknown): Promise<BlockedTerm[]> {
    const parsed = blockedTermSchema.safeParse(term);
    if (!parsed.success) throw invalid('moderation.invalid_term', parsed.error.issues);
    const settings = await this.getSettings(channel);
    const blocked = settings.badWords.blocked.filter((t) => !(t.term === parsed.data.term && t.kind === parsed.data.kind));
    blocked.push(parsed.data);
    return (await this.save(channel, { ...settings, badWords: { ...settings.badWords, blocked } })).badWords.blocked;
  }

  async removeBlockedTerm(channel: string, term: string): Promise<BlockedTerm[]> {
    const settings = await this.getSettings(channel);
    const blocked = settings.badWords.blocked.filter((t) => t.term !== term);
    if (blocked.length === settings.badWords.blocked.length) throw new ModerationError('moderation.term_not_found', `"${term}" is not blocked`);
    return (await this.save(channel, { ...settings, badWords: { ...settings.badWords, blocked } })).badWords.blocked;
  }

  /** Adds a word the filters let through even when it contains a blocked one ("scunthorpe"). */
  async addAllowedTerm(channel: string, term: string): Promise<string[]> {
    const settings = await this.getSettings(channel);
    const allowed = [...new Set([...settings.badWords.allowed, term])];
    return (await this.save(channel, { ...settings, badWords: { ...settings.badWords, allowed } })).badWords.allowed;
  }

  async removeAllowedTerm(channel: string, term: string): Promise<string[]> {
    const settings = await this.getSettings(channel);
    const allowed = settings.badWords.allowed.filter((t) => t !== term.trim().toLowerCase());
    if (allowed.length === settings.badWords.allowed.length) throw new ModerationError('moderation.term_not_found', `"${term}" is not allowed`);
    return (await this.save(channel, { ...settings, badWords: { ...settings.badWords, allowed } })).badWords.allowed;
  }

  /** The log, newest first; includes entries not yet written to the database. */
  async listLog(query: LogQuery): Promise<LogEntry[]> {
    await this.deps.log.flush().catch(() => undefined);
    return this.deps.repository.list(query);
  }

  /**
   * Lifts a timeout or ban from the log through Helix, marks the entry undone and logs the unban
   * under the moderator's name.
   */
  async undo(channel: string, id: string, by: string): Promise<LogEntry> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ModerationError('moderation.log_not_found', `no log entry ${id}`);
    await this.deps.log.flush().catch(() => undefined);
    const entry = await this.deps.repository.get(id);
    if (!entry || entry.channel !== channel) throw new ModerationError('moderation.log_not_found', `no log entry ${id} in ${channel}`);
    if (entry.action !== 'timeout' && entry.action !== 'ban') throw new ModerationError('moderation.not_undoable', `a ${entry.action} cannot be undone`);
    if (entry.status !== 'done') throw new ModerationError('moderation.not_undoable', 'the action failed at Twitch, so there is nothing to undo');
    if (entry.undoneAt) throw new ModerationError('moderation.already_undone', `already undone by ${entry.undoneBy ?? 'someone'}`);
    try {
      await this.deps.twitch.unbanUser(entry.channelId, entry.userId);
    } catch (error) {
      throw new ModerationError('moderation.undo_failed', error instanceof Error ? error.message : String(error));
    }
    const now = new Date(this.deps.clock.now());
    if (!(await this.deps.repository.markUndone(id, by, now))) throw new ModerationError('moderation.already_undone', 'already undone meanwhile');
    const unban: LogEntry = {
      ...entry,
      id: randomUUID(),
      action: 'unban',
      durationSeconds: null,
      detail: `undid ${entry.action} ${entry.id}`,
      actor: by,
      status: 'done',
      error: null,
      createdAt: now,
      undoneAt: null,
      undoneBy: null,
    };
    this.deps.enforcer.record(unban);
    return unban;
  }

  /** Deletes a channel's log entries older than its retention period. */
  async pruneLog(channel: string, retentionDays: number): Promise<number> {
    return this.deps.repository.prune(channel, new Date(this.deps.clock.now() - retentionDays * 86_400_000));
  }

  private async save(channel: string, candidate: unknown): Promise<ModerationSettings> {
    const parsed = moderationSettings.safeParse(candidate);
    if (!parsed.success) throw invalid('moderation.invalid_settings', parsed.error.issues);
    if (!(await this.deps.store.save(channel, parsed.data))) throw new ModerationError('moderation.channel_not_found', `no channel ${channel}`);
    return parsed.data;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(code: string, issues: { path: PropertyKey[]; message: string }[]): ModerationError {
  const list = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return new ModerationError(code, list.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '), list);
}
