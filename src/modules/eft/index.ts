import { randomUUID } from 'node:crypto';
import { eftRoutes } from './eft.routes.ts';
import { defineModule, type BotModule } from '../../core/module.ts';
import { systemClock, type Cache, type ChatSender, type Clock, type ExternalCallObserver, type Logger } from '../../core/ports.ts';
import type { AppDb } from '../../db/database.ts';
import { TarkovDevClient, type TarkovDevApi } from './adapters/tarkov-dev.client.ts';
import { alertCommand } from './commands/alert.command.ts';
import { eftmodeCommand } from './commands/eftmode.command.ts';
import { histCommand } from './commands/hist.command.ts';
import { priceCommand } from './commands/price.command.ts';
import { supplyCommand } from './commands/supply.command.ts';
import { traderCommand } from './commands/trader.command.ts';
import { worthCommand } from './commands/worth.command.ts';
import { CatalogueStore, catalogueTimeoutMs } from './eft.catalogue-store.ts';
import { eftMigrations } from './eft.migrations.ts';
import { AlertsRepository } from './eft.repository.ts';
import { EftService } from './eft.service.ts';
import { eftSettingsSchema, type EftSettings } from './eft.settings.ts';

export { EftService, type EftErrorCode, type EftResult } from './eft.service.ts';
export { eftSettingsSchema, type EftSettings } from './eft.settings.ts';

export interface EftModuleDeps {
  db: AppDb;
  cache: Cache;
  chat: ChatSender;
  logger: Logger;
  /** tarkov.dev's GraphQL endpoint. */
  apiUrl: string;
  /** Latency and errors of tarkov.dev calls, for the metrics. */
  observer?: ExternalCallObserver;
  /** Default 5 minutes, the pace of tarkov.dev's own price updates. */
  refreshIntervalMs?: number;
  /** Persists a channel's eft settings through the channel configuration; false for an unknown channel. */
  saveSettings: (channel: string, settings: EftSettings) => Promise<boolean>;
  clock?: Clock;
  /** Stands in for the HTTP client (the command line reuses the real one; tests use the fake server). */
  api?: TarkovDevApi;
}

/**
 * Escape from Tarkov prices from tarkov.dev: !price, !trader, !hist, !supply, !worth, !alert and
 * !eftmode, answered from a catalogue refreshed in the background.
 */
export function eftModule(deps: EftModuleDeps): BotModule & { service: EftService; start(): void } {
  const refreshIntervalMs = deps.refreshIntervalMs ?? 300_000;
  const api = deps.api ?? new TarkovDevClient({ url: deps.apiUrl, catalogueTimeoutMs: catalogueTimeoutMs(refreshIntervalMs), observer: deps.observer });
  const store = new CatalogueStore({
    api,
    cache: deps.cache,
    clock: deps.clock ?? systemClock,
    logger: deps.logger,
    refreshIntervalMs,
    instanceId: randomUUID(),
    onUpdate: (catalogue) => {
      // Runs only after start(), by which time the service exists.
      service.checkAlerts(catalogue).catch((err: unknown) => deps.logger.error({ err }, 'checking eft price alerts failed'));
    },
  });
  const service = new EftService({
    store,
    api,
    cache: deps.cache,
    alerts: new AlertsRepository(deps.db),
    chat: deps.chat,
    logger: deps.logger,
    saveSettings: deps.saveSettings,
  });
  return {
    ...defineModule({
      name: 'eft',
      description: 'Escape from Tarkov flea and trader prices, price history, supply and price alerts, from tarkov.dev.',
      settings: eftSettingsSchema,
      migrations: eftMigrations,
      routes: eftRoutes(service),
      commands: [
        priceCommand(service),
        traderCommand(service),
        histCommand(service),
        supplyCommand(service),
        worthCommand(service),
        alertCommand(service),
        eftmodeCommand(service),
      ],
      close: () => store.stop(),
    }),
    service,
    /** Starts the background refresh; call it once the module's migrations are applied (alerts read them). */
    start: () => store.start([{ mode: 'regular', lang: 'en' }]),
  };
}
