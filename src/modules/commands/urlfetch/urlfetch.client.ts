import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockedAddressError, guardedLookup, publicAddressesOnly, urlProblem, type AddressPolicy } from './urlfetch.guard.ts';

export interface UrlFetcherOptions {
  /** Default 2000 ms for the whole fetch, redirects included. */
  timeoutMs?: number;
  /** Default 4096 bytes; the body is cut there. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /**
   * Which addresses may be reached; public ones only unless a test serves from loopback. Set only by
   * code (tests), never from configuration, so no deployment can open the bot to its own network.
   */
  addressPolicy?: AddressPolicy;
}

/** What a fetch gave: the text of the body, or why there is none. */
export type UrlFetchResult = { ok: true; text: string } | { ok: false; reason: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const decoder = new TextDecoder('utf-8');

/**
 * Fetches short text from the web for `$(urlfetch)`: GET only, public addresses only (checked at
 * connect time on the resolved address, and again for every redirect), a time limit for the whole
 * fetch, and a cap on the body, which comes back as one line.
 */
export class UrlFetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  readonly policy: AddressPolicy;

  constructor(options: UrlFetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.maxBytes = options.maxBytes ?? 4_096;
    this.maxRedirects = options.maxRedirects ?? 3;
    this.policy = options.addressPolicy ?? publicAddressesOnly;
  }

  /** Why this URL is refused as written, or undefined. */
  check(url: string): string | undefined {
    return urlProblem(url, this.policy);
  }

  async fetchText(url: string): Promise<UrlFetchResult> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    let current = url;
    for (let hop = 0; hop <= this.maxRedirects; hop++) {
      const problem = this.check(current);
      if (problem) return { ok: false, reason: problem };
      let response: IncomingMessage;
      try {
        response = await this.get(current, deadline);
      } catch (error) {
        return { ok: false, reason: describe(error, deadline) };
      }
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.resume();
        const location = response.headers.location;
        if (!location) return { ok: false, reason: `HTTP ${status} without a location` };
        current = new URL(location, current).toString();
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        return { ok: false, reason: `HTTP ${status}` };
      }
      try {
        return { ok: true, text: toLine(await this.readCapped(response, deadline)) };
      } catch (error) {
        return { ok: false, reason: describe(error, deadline) };
      }
    }
    return { ok: false, reason: `more than ${this.maxRedirects} redirects` };
  }

  private get(url: string, signal: AbortSignal): Promise<IncomingMessage> {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: 'GET',
        agent: false,
        signal,
        lookup: guardedLookup(this.policy),
        headers: { 'user-agent': 'UltimateTwitchBot urlfetch', accept: 'text/plain, */*;q=0.5' },
      });
      req.once('response', resolve);
      req.once('error', reject);
      req.end();
    });
  }

  private readCapped(response: IncomingMessage, signal: AbortSignal): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        signal.removeEventListener('abort', aborted);
        resolve(Buffer.concat(chunks, Math.min(size, this.maxBytes)));
      };
      const aborted = () => {
        response.destroy();
        reject(signal.reason);
      };
      signal.addEventListener('abort', aborted, { once: true });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= this.maxBytes) {
          // Enough: the rest of the body is never read.
          response.destroy();
          done();
        }
      });
      response.once('end', done);
      response.once('error', (err) => {
        signal.removeEventListener('abort', aborted);
        reject(err);
      });
    });
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

function toLine(body: Buffer): string {
  // A body cut inside a multi-byte character decodes to a replacement character at the end; drop it.
  return decoder.decode(body).replace(/\ufffd$/, '').replace(CONTROL, ' ').trim();
}

function describe(error: unknown, deadline: AbortSignal): string {
  if (deadline.aborted) return 'timed out';
  if (error instanceof BlockedAddressError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown host';
  if (code === 'ECONNREFUSED') return 'connection refused';
  return 'fetch failed';
}
