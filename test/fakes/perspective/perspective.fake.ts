// A local stand-in for Perspective API (commentanalyzer.googleapis.com): AnalyzeComment as documented
// (conversationai/perspectiveapi 2-api/methods.md, models.md, limits.md), with Google's error body
// `{"error": {"code", "message", "status", "details"?}}`. The key, attribute-language and 429
// messages are the ones the real API gives; the other validation messages are this fake's wording.
// Scores come from a small word list or a table of exact texts. It can be made slow, failing,
// out of quota, or to answer garbage.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startFakeServer } from '../fake-server.ts';
import { scoreByWords, type Scores } from './perspective.words.ts';

/**
 * How the fake misbehaves: `server` answers 500, `quota` 429 RESOURCE_EXHAUSTED, `malformed` a 200
 * whose scores are not numbers, `not-json` a 200 HTML page (a captive portal, a proxy).
 */
export type PerspectiveFailure = 'server' | 'quota' | 'malformed' | 'not-json' | null;

export interface PerspectiveFakeOptions {
  port?: number;
  /** The one key it accepts; `test-key` by default. */
  key?: string;
  /** Requests per second it serves before answering 429, like a project's quota; unlimited by default. */
  quotaPerSecond?: number;
}

export interface RecordedAnalyze {
  text: string;
  attributes: string[];
  languages: string[] | undefined;
  doNotStore: boolean | undefined;
  at: number;
}

export interface PerspectiveFake {
  /** The API's base URL, like https://commentanalyzer.googleapis.com. */
  url: string;
  key: string;
  /** Every AnalyzeComment that passed validation, in order. */
  readonly requests: RecordedAnalyze[];
  /** Every HTTP request received (valid or not). */
  readonly hits: number;
  /** Delays every answer by this many ms. */
  delayMs: number;
  failure: PerspectiveFailure;
  /** Sent as Retry-After with a 429; Google usually sends none. */
  retryAfterSeconds: number | null;
  /** Exact comment texts and their scores; any other text is scored from the word list. */
  readonly scores: Map<string, Scores>;
  close(): Promise<void>;
}

const ANALYZE_PATH = '/v1alpha1/comments:analyze';
const MAX_COMMENT_BYTES = 3000;
const MAX_BODY_BYTES = 1024 * 1024;
const ALL_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'ru'];
/** Each attribute the fake knows, with the languages it supports (models.md). */
const ATTRIBUTE_LANGUAGES: Record<string, string[]> = {
  TOXICITY: ALL_LANGUAGES,
  SEVERE_TOXICITY: ALL_LANGUAGES,
  IDENTITY_ATTACK: ['en'],
  INSULT: ['en'],
  PROFANITY: ['en'],
  THREAT: ['en'],
  SEXUALLY_EXPLICIT: ['en'],
  FLIRTATION: ['en'],
};

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
}

/** Starts the fake on 127.0.0.1 (a free port unless `port` is given). */
export async function startPerspectiveFake(options: PerspectiveFakeOptions = {}): Promise<PerspectiveFake> {
  const key = options.key ?? 'test-key';
  const requests: RecordedAnalyze[] = [];
  const state = { delayMs: 0, failure: null as PerspectiveFailure, retryAfterSeconds: null as number | null, hits: 0 };
  const scores = new Map<string, Scores>();
  const window = { second: 0, count: 0 };

  const overQuota = (): boolean => {
    if (options.quotaPerSecond === undefined) return false;
    const second = Math.floor(Date.now() / 1000);
    if (second !== window.second) Object.assign(window, { second, count: 0 });
    return ++window.count > options.quotaPerSecond;
  };

  const analyze = (req: IncomingMessage, url: URL, body: string, res: ServerResponse): void => {
    const given = url.searchParams.get('key');
    if (!given) throw new ApiError(403, 'PERMISSION_DENIED', 'The request is missing a valid API key.');
    if (given !== key) {
      throw new ApiError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'commentanalyzer.googleapis.com' } },
      ]);
    }
    if (state.failure === 'quota' || overQuota()) {
      if (state.retryAfterSeconds !== null) res.setHeader('retry-after', String(state.retryAfterSeconds));
      throw new ApiError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Analysis requests' and limit 'Analysis requests per minute' of service 'commentanalyzer.googleapis.com' for consumer 'project_number:000000000000'.",
      );
    }
    const request = validate(req, body);
    requests.push({ ...request, at: Date.now() });
    if (state.failure === 'server') throw new ApiError(500, 'INTERNAL', 'Internal error encountered.');
    if (state.failure === 'not-json') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in to continue</body></html>');
      return;
    }
    const values = scores.get(request.text) ?? scoreByWords(request.text, request.attributes);
    const attributeScores = Object.fromEntries(
      request.attributes.map((attribute) => {
        const value = state.failure === 'malformed' ? 'high' : (values[attribute] ?? 0.03);
        const score = { value, type: 'PROBABILITY' };
        return [attribute, { spanScores: [{ begin: 0, end: request.text.length, score }], summaryScore: score }];
      }),
    );
    json(res, 200, { attributeScores, languages: request.languages ?? ['en'], detectedLanguages: ['en'] });
  };

  const server = await startFakeServer({ port: options.port, maxBodyBytes: MAX_BODY_BYTES }, async (req, res, body) => {
    state.hits++;
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/control' && req.method === 'POST') {
      applyControl(state, scores, body);
      json(res, 200, { delayMs: state.delayMs, failure: state.failure, retryAfterSeconds: state.retryAfterSeconds });
      return;
    }
    if (state.delayMs > 0) await delay(state.delayMs, res);
    if (res.destroyed) return;
    if (url.pathname !== ANALYZE_PATH || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'text/html' }).end(`<html><body>The requested URL <code>${url.pathname}</code> was not found on this server.</body></html>`);
      return;
    }
    try {
      analyze(req, url, body, res);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      json(res, error.code, { error: { code: error.code, message: error.message, status: error.status, ...(error.details ? { details: error.details } : {}) } });
    }
  });

  return {
    url: `http://127.0.0.1:${server.port}`,
    key,
    requests,
    get hits() {
      return state.hits;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get failure() {
      return state.failure;
    },
    set failure(failure: PerspectiveFailure) {
      state.failure = failure;
    },
    get retryAfterSeconds() {
      return state.retryAfterSeconds;
    },
    set retryAfterSeconds(seconds: number | null) {
      state.retryAfterSeconds = seconds;
    },
    scores,
    close: server.close,
  };
}

/** Checks an AnalyzeComment request the way the API does; throws an ApiError (400) naming the problem. */
function validate(req: IncomingMessage, body: string): Omit<RecordedAnalyze, 'at'> {
  const bad = (message: string) => new ApiError(400, 'INVALID_ARGUMENT', message);
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw bad('Invalid JSON payload received. Expected a JSON content type.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw bad('Invalid JSON payload received. Unexpected token.');
  }
  if (!isObject(parsed)) throw bad('Invalid JSON payload received. Expected an object.');
  const { comment, requestedAttributes, languages, doNotStore } = parsed;
  if (!isObject(comment) || typeof comment['text'] !== 'string' || comment['text'].length === 0) throw bad('Comment must be non-empty.');
  const text = comment['text'];
  if (Buffer.byteLength(text) > MAX_COMMENT_BYTES) throw bad(`Comment text too long: at most ${MAX_COMMENT_BYTES} bytes.`);
  if (!isObject(requestedAttributes) || Object.keys(requestedAttributes).length === 0) throw bad('Requested attributes must be non-empty.');
  if (languages !== undefined && (!Array.isArray(languages) || !languages.every((l) => typeof l === 'string'))) throw bad('Invalid value at \'languages\'.');
  if (doNotStore !== undefined && typeof doNotStore !== 'boolean') throw bad('Invalid value at \'do_not_store\' (TYPE_BOOL).');
  const attributes = Object.keys(requestedAttributes);
  for (const attribute of attributes) {
    const supported = ATTRIBUTE_LANGUAGES[attribute];
    if (!supported || !isObject(requestedAttributes[attribute])) throw bad(`Unknown attribute or bad configuration: ${attribute}`);
    const unsupported = ((languages as string[] | undefined) ?? ['en']).filter((l) => !supported.includes(l));
    if (unsupported.length > 0) throw bad(`Attribute ${attribute} does not support request languages: ${unsupported.join(',')}`);
  }
  return { text, attributes, languages: languages as string[] | undefined, doNotStore: doNotStore as boolean | undefined };
}

/** Waits `ms`, or less when the client goes away first (a caller that gave up leaves no timer behind). */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body));
}

function applyControl(state: { delayMs: number; failure: PerspectiveFailure; retryAfterSeconds: number | null }, scores: Map<string, Scores>, body: string): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return;
  }
  if (typeof parsed['delayMs'] === 'number') state.delayMs = parsed['delayMs'];
  if (parsed['failure'] === null || ['server', 'quota', 'malformed', 'not-json'].includes(parsed['failure'] as string)) state.failure = parsed['failure'] as PerspectiveFailure;
  if (parsed['retryAfterSeconds'] === null || typeof parsed['retryAfterSeconds'] === 'number') state.retryAfterSeconds = parsed['retryAfterSeconds'] as number | null;
  if (isObject(parsed['scores'])) for (const [text, value] of Object.entries(parsed['scores'])) if (isObject(value)) scores.set(text, value as Scores);
}
