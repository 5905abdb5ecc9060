import type { ExternalCallObserver } from '../../../core/ports.ts';
import type { ToxicityResult } from './offline.analyser.ts';
import { analyzeCommentRequest, analyzeCommentResponse, ANALYZE_PATH, googleError, MAX_COMMENT_BYTES, toToxicityResult, type GoogleError } from './perspective.external.ts';

/**
 * Why a call to Perspective failed: `timeout` (the caller's signal fired), `unavailable`
 * (unreachable, 5xx), `quota` (429), `refused` (the key: invalid, missing or not allowed),
 * `bad_request` (a 400 about the request itself) or `bad_answer` (a 2xx that is not a valid answer).
 */
export class PerspectiveError extends Error {
  override name = 'PerspectiveError';
  constructor(
    readonly code: 'timeout' | 'unavailable' | 'quota' | 'refused' | 'bad_request' | 'bad_answer',
    message: string,
    /** From a 429's Retry-After header, when it had one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface PerspectiveClientOptions {
  /** The API's base URL, `https://commentanalyzer.googleapis.com`. */
  url: string;
  key: string;
  /** Latency and outcome of every call, under the service name `perspective`. */
  observer?: ExternalCallObserver;
}

const SERVICE = 'perspective';
// A real answer is well under 2 KB; a bigger one is not Perspective and is not read to the end.
const MAX_ANSWER_BYTES = 64 * 1024;
const MAX_ERROR_TEXT = 200;
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Perspective's AnalyzeComment over fetch, with validated answers. The key travels in the URL's
 * query, as the API wants it, so no error or message built here contains the URL, and text that
 * comes back (Google's error message) has the key cut out; errors carry no `cause` for the same reason.
 */
export class PerspectiveClient {
  private readonly endpoint: URL;
  private readonly key: string;
  private readonly observer: ExternalCallObserver | undefined;

  constructor(options: PerspectiveClientOptions) {
    if (!options.key) throw new Error('Perspective needs an API key');
    // The base is parsed before the key is added, so that a bad URL's error cannot show the key.
    this.endpoint = new URL(`${options.url.replace(/\/+$/, '')}${ANALYZE_PATH}`);
    this.endpoint.searchParams.set('key', options.key);
    this.key = options.key;
    this.observer = options.observer;
  }

  /** Scores one comment. Rejects only with a PerspectiveError. */
  async analyze(text: string, signal?: AbortSignal): Promise<ToxicityResult> {
    if (Buffer.byteLength(text) > MAX_COMMENT_BYTES) throw new PerspectiveError('bad_request', `the comment is over Perspective's ${MAX_COMMENT_BYTES} bytes`);
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const result = await this.call(text, signal);
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof PerspectiveError) throw error;
      throw describeFailure(error, signal);
    } finally {
      this.observer?.observe(SERVICE, (performance.now() - started) / 1000, outcome);
    }
  }

  private async call(text: string, signal: AbortSignal | undefined): Promise<ToxicityResult> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'UltimateTwitchBot (moderation module)' },
      body: JSON.stringify(analyzeCommentRequest(text)),
      signal,
      // A redirect would carry the key in the URL to wherever it points.
      redirect: 'error',
    });
    const body = await readBounded(response, MAX_ANSWER_BYTES);
    if (!response.ok) throw this.httpFailure(response, body);
    if (body === null) throw new PerspectiveError('bad_answer', `Perspective answered more than ${MAX_ANSWER_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new PerspectiveError('bad_answer', 'Perspective answered something that is not JSON');
    }
    const parsed = analyzeCommentResponse.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new PerspectiveError('bad_answer', `Perspective answered an unexpected shape: ${this.redact(issues.join('; '))}`);
    }
    return toToxicityResult(parsed.data);
  }

  private httpFailure(response: Response, body: string | null): PerspectiveError {
    const error = parseGoogleError(body);
    const said = error ? `: ${this.redact(error.message.slice(0, MAX_ERROR_TEXT))}` : '';
    const status = response.status;
    if (status === 429) return new PerspectiveError('quota', `Perspective answered HTTP 429${said}`, retryAfterMs(response.headers.get('retry-after')));
    const keyProblem = status === 401 || status === 403 || error?.details?.some((d) => d.reason === 'API_KEY_INVALID') === true;
    if (keyProblem) return new PerspectiveError('refused', `Perspective refused the key with HTTP ${status}${said}`);
    if (status === 400) return new PerspectiveError('bad_request', `Perspective refused the request with HTTP 400${said}`);
    return new PerspectiveError('unavailable', `Perspective answered HTTP ${status}${said}`);
  }

  private redact(text: string): string {
    return text.split(this.key).join('[redacted]');
  }
}

function parseGoogleError(body: string | null): GoogleError | null {
  if (body === null) return null;
  try {
    const parsed = googleError.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

// Fetch's own errors can quote the URL, and with it the key, so only their kind is kept.
function describeFailure(error: unknown, signal: AbortSignal | undefined): PerspectiveError {
  if (signal?.aborted) return new PerspectiveError('timeout', 'Perspective did not answer in time');
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new PerspectiveError('unavailable', `Perspective is unreachable${code}`);
}

/** The body as text, or null when it is longer than `max` bytes (it is then not read further). */
async function readBounded(response: Response, max: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, MAX_RETRY_AFTER_MS) : undefined;
}
