import type { ZodType } from 'zod';
import type { ChannelConfig, ChannelDirectory, CommandOverride } from '../../core/module.ts';
import { defaultChannelConfig } from '../../core/module.ts';
import type { EventBus, Logger } from '../../core/ports.ts';
import type { ChannelsRepository, ChannelSettings } from '../../db/channels.repository.ts';
import type { CommandConfig, CommandConfigRepository } from '../../db/command-config.repository.ts';

/** Joining and leaving chat, as the chat transport offers it. */
export interface ChatMembership {
  join(channel: string): Promise<void>;
  part(channel: string): Promise<void>;
}

export interface ChannelsServiceDeps {
  channels: ChannelsRepository;
  commandConfig: CommandConfigRepository;
  chat: ChatMembership;
  bus: EventBus;
  logger: Logger;
}

const CONFIG_CHANGED = 'channels:config-changed';

/**
 * The channels the bot serves and their configuration. The configuration is kept in memory for the
 * message pipeline and reloaded when it changes, on this instance or (through the EventBus) another.
 */
export class ChannelsService implements ChannelDirectory {
  private readonly configs = new Map<string, ChannelConfig>();
  private unsubscribe: (() => Promise<void>) | undefined;
  private settingsSchemas: ReadonlyMap<string, ZodType> = new Map();

  constructor(private readonly deps: ChannelsServiceDeps) {}

  get(channel: string): ChannelConfig {
    let config = this.configs.get(channel);
    if (!config) this.configs.set(channel, (config = defaultChannelConfig(channel)));
    return config;
  }

  /**
   * Loads the joined channels (adding `initial` ones) and joins them in chat. `settingsSchemas` holds
   * each module's settings schema, to parse the stored per-channel settings.
   */
  async start(initial: readonly string[], settingsSchemas: ReadonlyMap<string, ZodType>): Promise<string[]> {
    this.settingsSchemas = settingsSchemas;
    for (const login of initial) await this.deps.channels.join(login);
    const joined = (await this.deps.channels.listJoined()).map((c) => c.login);
    await Promise.all(joined.map((login) => this.reload(login)));
    this.unsubscribe = await this.deps.bus.subscribe<{ channel: string }>(CONFIG_CHANGED, ({ channel }) => {
      this.reload(channel).catch((err: unknown) => this.deps.logger.error({ err, channel }, 'reloading channel config failed'));
    });
    for (const login of joined) {
      this.deps.chat.join(login).catch((err: unknown) => this.deps.logger.warn({ err, channel: login }, 'join failed; will retry on reconnect'));
    }
    return joined;
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  async list(): Promise<string[]> {
    return (await this.deps.channels.listJoined()).map((c) => c.login);
  }

  /** Adds a channel and joins it in chat. */
  async join(login: string): Promise<void> {
    await this.deps.channels.join(login);
    await this.changed(login);
    await this.deps.chat.join(login);
  }

  /** Leaves a channel; its settings are kept for a later join. */
  async part(login: string): Promise<boolean> {
    const known = await this.deps.channels.part(login);
    await this.deps.chat.part(login);
    this.configs.delete(login);
    return known;
  }

  getSettings(login: string): Promise<ChannelSettings | null> {
    return this.deps.channels.getSettings(login);
  }

  async updateSettings(login: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings | null> {
    const settings = await this.deps.channels.updateSettings(login, patch);
    if (settings) await this.changed(login);
    return settings;
  }

  /** Replaces one module's settings in a channel atomically; false for an unknown channel. */
  async setModuleSetting(login: string, module: string, value: unknown): Promise<boolean> {
    const known = await this.deps.channels.setModuleSetting(login, module, value);
    if (known) await this.changed(login);
    return known;
  }

  private async changed(login: string): Promise<void> {
    await this.reload(login);
    await this.deps.bus.publish(CONFIG_CHANGED, { channel: login });
  }

  private async reload(login: string): Promise<void> {
    const [settings, overrides] = await Promise.all([
      this.deps.channels.getSettings(login),
      this.deps.commandConfig.listForChannel(login),
    ]);
    if (!settings) return;
    this.configs.set(login, {
      login,
      prefix: settings.prefix,
      language: settings.language,
      disabledModules: new Set(settings.disabledModules),
      commandOverrides: new Map(overrides.map((o) => [o.command, toOverride(o)])),
      moduleSettings: this.parseModuleSettings(login, settings.moduleSettings),
    });
  }

  // A stored value that no longer fits a module's schema falls back to the defaults, loudly.
  private parseModuleSettings(login: string, stored: Record<string, unknown>): Map<string, unknown> {
    const parsed = new Map<string, unknown>();
    for (const [module, schema] of this.settingsSchemas) {
      const result = schema.safeParse(stored[module] ?? {});
      if (result.success) parsed.set(module, result.data);
      else {
        this.deps.logger.warn({ channel: login, module, issues: result.error.issues }, 'stored module settings are invalid; using defaults');
        parsed.set(module, schema.parse({}));
      }
    }
    return parsed;
  }
}

function toOverride(row: CommandConfig): CommandOverride {
  return {
    enabled: row.enabled,
    userLevel: row.userLevel ?? undefined,
    globalCooldownSeconds: row.globalCooldownS ?? undefined,
    userCooldownSeconds: row.userCooldownS ?? undefined,
    aliases: row.aliases,
    allowUsers: new Set(row.allowUsers),
    denyUsers: new Set(row.denyUsers),
  };
}
