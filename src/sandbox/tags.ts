/** IRCv3 tag values: escaping, a whole tag string, and Twitch's alphabetical tag order. */

const ESCAPES: Record<string, string> = { ';': '\\:', ' ': '\\s', '\\': '\\\\', '\r': '\\r', '\n': '\\n' };
const UNESCAPES: Record<string, string> = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

export type Tags = Record<string, string>;

export function escapeTagValue(value: string): string {
  return value.replace(/[; \\\r\n]/g, (c) => ESCAPES[c] ?? c);
}

export function unescapeTagValue(value: string): string {
  // An unknown escape drops the backslash, and a lone trailing backslash is dropped (IRCv3 rules).
  return value.replace(/\\(.?)/g, (_m, c: string) => UNESCAPES[c] ?? c);
}

/** `@a=1;b=2 ` ready to prefix a line, or '' when there are no tags. Twitch sends tags sorted by key. */
export function formatTags(tags: Tags): string {
  const keys = Object.keys(tags).sort();
  if (keys.length === 0) return '';
  return `@${keys.map((k) => `${k}=${escapeTagValue(tags[k] ?? '')}`).join(';')} `;
}

export function parseTags(raw: string): Tags {
  const tags: Tags = {};
  for (const part of raw.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1) tags[part] = '';
    else tags[part.slice(0, eq)] = unescapeTagValue(part.slice(eq + 1));
  }
  return tags;
}
