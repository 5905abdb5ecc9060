/** Reads one IRC line. Anything that is not a well-formed IRC message gives null. */
import { parseTags, type Tags } from './tags.ts';

export interface IrcMessage {
  tags: Tags;
  /** `nick!user@host` or a server name; null when the line has none (client lines usually don't). */
  prefix: string | null;
  command: string;
  params: string[];
}

const MAX_LINE_LENGTH = 8_192 + 512; // Twitch allows 8191 bytes of tags plus a 512-byte message
const COMMAND = /^(?:[A-Za-z]+|\d{3})$/;

export function parseIrcLine(raw: string): IrcMessage | null {
  const line = raw.replace(/\r$/, '');
  if (line.length === 0 || line.length > MAX_LINE_LENGTH || /[\0\r\n]/.test(line)) return null;
  let rest = line;
  let tags: Tags = {};
  if (rest.startsWith('@')) {
    const space = rest.indexOf(' ');
    if (space === -1) return null;
    tags = parseTags(rest.slice(1, space));
    rest = rest.slice(space + 1).trimStart();
  }
  let prefix: string | null = null;
  if (rest.startsWith(':')) {
    const space = rest.indexOf(' ');
    if (space === -1) return null;
    prefix = rest.slice(1, space);
    rest = rest.slice(space + 1).trimStart();
  }
  const trailingAt = rest.indexOf(' :');
  const head = trailingAt === -1 ? rest : rest.slice(0, trailingAt);
  const [command = '', ...params] = head.split(' ').filter((p) => p !== '');
  if (!COMMAND.test(command)) return null;
  if (trailingAt !== -1) params.push(rest.slice(trailingAt + 2));
  return { tags, prefix, command: command.toUpperCase(), params };
}
