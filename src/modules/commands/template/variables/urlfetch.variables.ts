import type { VariableDefinition } from '../template.types.ts';

/** Text fetched from a URL, cached. */
export interface UrlTextSource {
  check(url: string): string | undefined;
  text(channel: string, url: string, ttlSeconds: number): Promise<string>;
}

/** `$(urlfetch https://…)`. */
export function urlfetchVariables(deps: { urlfetch: UrlTextSource }): VariableDefinition[] {
  return [
    {
      name: 'urlfetch',
      category: 'web',
      description:
        'The text a public http(s) URL answers, on one line (first 4 KB, 2 s at most, cached). Private and local addresses are refused.',
      usage: '$(urlfetch https://example.com/quote.txt)',
      maxPerTemplate: 2,
      check: (arg) => deps.urlfetch.check(arg),
      run: (arg, ctx) => {
        const problem = deps.urlfetch.check(arg);
        return problem ? `(urlfetch: ${problem})` : deps.urlfetch.text(ctx.channel, arg, ctx.urlfetchCacheSeconds);
      },
    },
  ];
}
