// Reads raw IRC lines on stdin and writes one JSON line per input line:
// {command, channel, login, text, action, tags} or {error}. Replays a real chat log through the bot's parser.
import { createInterface } from 'node:readline';
import { channelName, messageText } from '../adapters/twitch/irc.external.ts';
import { parseIrcLine } from '../adapters/twitch/irc.parser.ts';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  process.stdout.write(`${JSON.stringify(describe(line))}\n`);
}

function describe(line: string): object {
  try {
    const irc = parseIrcLine(line);
    const trailing = irc.command === 'PRIVMSG' ? messageText(irc.params[1] ?? '') : { text: irc.params[1] ?? null, action: false };
    return {
      command: irc.command,
      channel: irc.params[0]?.startsWith('#') ? channelName(irc.params[0]) : null,
      login: irc.nick || null,
      text: trailing.text,
      action: trailing.action,
      tags: irc.tags,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
