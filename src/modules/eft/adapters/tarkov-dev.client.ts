import { ClientError, GraphQLClient } from 'graphql-request';
import type { ExternalCallObserver } from '../../../core/ports.ts';
import type { CatalogueData, GameMode, Language } from '../eft.catalogue.ts';
import type { HistoryPoint } from '../eft.prices.ts';
import { catalogueQuery, historyQuery, toCatalogueData, toHistory, type TypedQuery } from './tarkov-dev.external.ts';

/** Why a call to tarkov.dev failed: unreachable or slow (`unavailable`), or it answered something unusable (`bad_answer`). */
export class TarkovDevError extends Error {
  override name = 'TarkovDevError';
  constructor(
    readonly code: 'unavailable' | 'bad_answer',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface TarkovDevClientOptions {
  url: string;
  /** The whole catalogue is several MB; the live API takes seconds for it. */
  catalogueTimeoutMs?: number;
  historyTimeoutMs?: number;
  /** Latency and errors per call, for the outside-API metrics. */
  observer?: ExternalCallObserver;
}

/** What the eft module needs from tarkov.dev. */
export interface TarkovDevApi {
  fetchCatalogue(mode: GameMode, lang: Language): Promise<{ data: CatalogueData; dropped: number }>;
  fetchHistory(itemId: string, days: number, mode: GameMode): Promise<HistoryPoint[]>;
}

/** tarkov.dev's GraphQL API through graphql-request, with timeouts and validated answers. */
export class TarkovDevClient implements TarkovDevApi {
  private readonly client: GraphQLClient;
  private readonly catalogueTimeoutMs: number;
  private readonly historyTimeoutMs: number;
  private readonly observer: ExternalCallObserver | undefined;

  constructor(options: TarkovDevClientOptions) {
    this.client = new GraphQLClient(options.url, { headers: { 'user-agent': 'UltimateTwitchBot (eft module)' } });
    this.catalogueTimeoutMs = options.catalogueTimeoutMs ?? 30_000;
    this.historyTimeoutMs = options.historyTimeoutMs ?? 5_000;
    this.observer = options.observer;
  }

  async fetchCatalogue(mode: GameMode, lang: Language): Promise<{ data: CatalogueData; dropped: number }> {
    const result = await this.request(catalogueQuery, { lang, gameMode: mode }, this.catalogueTimeoutMs);
    return toCatalogueData(result, mode, lang, Date.now());
  }

  async fetchHistory(itemId: string, days: number, mode: GameMode): Promise<HistoryPoint[]> {
    return toHistory(await this.request(historyQuery, { id: itemId, days, gameMode: mode }, this.historyTimeoutMs));
  }

  private async request<R, V extends object>(query: TypedQuery<R, V>, variables: V, timeoutMs: number): Promise<R> {
    let raw: unknown;
    const started = performance.now();
    const observe = (outcome: 'ok' | 'error') => this.observer?.observe('tarkov.dev', (performance.now() - started) / 1000, outcome);
    try {
      raw = await this.client.request<unknown, object>({ document: query.document, variables, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      observe('error');
      throw describeFailure(error, timeoutMs);
    }
    const parsed = query.result.safeParse(raw);
    observe(parsed.success ? 'ok' : 'error');
    if (!parsed.success) {
      throw new TarkovDevError('bad_answer', `tarkov.dev answered an unexpected shape: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }
}

function describeFailure(error: unknown, timeoutMs: number): TarkovDevError {
  if (error instanceof ClientError) {
    const messages = error.response.errors?.map((e) => e.message).join('; ');
    if (messages) return new TarkovDevError('bad_answer', `tarkov.dev answered with errors: ${messages}`, { cause: error });
    return new TarkovDevError('unavailable', `tarkov.dev answered HTTP ${error.response.status}`, { cause: error });
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new TarkovDevError('unavailable', `tarkov.dev did not answer within ${timeoutMs} ms`, { cause: error });
  }
  return new TarkovDevError('unavailable', `tarkov.dev is unreachable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
