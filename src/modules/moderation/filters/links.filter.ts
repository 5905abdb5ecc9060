import LinkifyIt from 'linkify-it';
import tlds from 'tlds';
import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';

const linkify = new LinkifyIt({ fuzzyEmail: false }).tlds(tlds);

// Spelled-out dots only count before the top-level domains spam uses, so "I'm done. me too" and
// "dot dot dot" stay chat while "cheap-views dot com" and "site(.)xyz" are links.
const SPAM_TLDS = 'com|net|org|ru|xyz|io|gg|tv|info|biz|top|shop|site|online|store|club|link|click|ly|cc|su|tk|ml|ga|cf|gq|pw|ws|co|uk|de|live|pro|fun|vip|icu|cn|me';
const OBFUSCATED = new RegExp(
  `([a-z0-9-]{2,})\\s*(?:[([{<]\\s*(?:\\.|dot)\\s*[)\\]}>]|\\s+dot\\s+|\\s+\\.\\s*|\\.\\s+|[\\u3002\\uff61])\\s*(${SPAM_TLDS})(?![a-z0-9])`,
  'g',
);
// Real top-level domains that are also everyday words: "insane.lol" or "done.now" with no path is a
// typo'd sentence, not a link. With a scheme, www, a path or more labels, they count.
const WORDLIKE_TLDS = new Set(['lol', 'now', 'live', 'play', 'fun', 'win', 'best', 'new', 'how', 'you', 'me', 'no', 'so', 'to', 'is', 'it', 'us', 'in', 'at', 'be', 'do', 'go', 'my', 'am', 'by', 'wtf', 'omg', 'yes', 'one', 'bye', 'cool', 'lmao', 'fail', 'team', 'game', 'games', 'run', 'life', 'love', 'wow', 'top', 'fyi', 'ok', 'moi', 'ing', 'ink']);

/** The links in a normalised text, after undoing the common obfuscations; hostnames lowercase. */
export function findLinks(text: string): { host: string; text: string }[] {
  const candidates = text.includes('.') || text.includes('dot') || text.includes('\u3002') || text.includes('\uff61');
  if (!candidates) return [];
  const plain = text.replace(OBFUSCATED, '$1.$2');
  const matches = linkify.match(plain);
  if (!matches) return [];
  const links: { host: string; text: string }[] = [];
  for (const match of matches) {
    const host = hostOf(match.url);
    if (!host) continue;
    if (match.schema === '' && isWordlike(match.text, host)) continue;
    links.push({ host, text: match.text });
  }
  return links;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function isWordlike(text: string, host: string): boolean {
  const labels = host.split('.');
  if (labels.length !== 2 || text.includes('/') || text.startsWith('www.')) return false;
  return WORDLIKE_TLDS.has(labels[1]!);
}

/** True when `host` is one of `domains` or a subdomain of one. */
export function hostAllowed(host: string, domains: readonly string[]): boolean {
  for (const domain of domains) if (host === domain || host.endsWith(`.${domain}`)) return true;
  return false;
}

/**
 * Links outside the channel's allowed domains. `!permit` lets one through; a first-time chatter
 * (in the strict profile) may post none, allowed domains included.
 */
export function linksFilter(settings: ModerationSettings['links'], blockAllForFirstMessage: boolean): MessageFilter | null {
  if (!settings.enabled) return null;
  const allowed = settings.allowedDomains;
  return {
    rule: 'links',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ message, text, now, state, strict }) {
      const links = findLinks(text);
      if (links.length === 0) return null;
      const blockAll = strict && blockAllForFirstMessage;
      const blocked = blockAll ? links : links.filter((link) => !hostAllowed(link.host, allowed));
      if (blocked.length === 0) return null;
      if (state.takePermit(message.login, now)) return null;
      const hosts = [...new Set(blocked.map((l) => l.host))].slice(0, 3).join(', ');
      return { detail: blockAll && blocked.every((l) => hostAllowed(l.host, allowed)) ? `link in a first message (${hosts})` : `link to ${hosts}` };
    },
  };
}
