import type { UserLevel } from '../../../core/permissions.ts';
import { CommandsError } from '../commands.errors.ts';
import type { CommandChanges } from '../commands.service.ts';

/** `!addcom -ul=mod -cd=30 !name text` split into its options, the command name and the text. */
export interface ManageLine {
  changes: CommandChanges;
  name?: string;
  text: string;
}

const OPTION = /^-([a-z]+)=(\S*)(?:\s+|$)/i;
const WORD = /^(\S+)(?:\s+|$)/;

// A Map, not an object: "-ul=constructor" must not find Object.prototype's.
const LEVELS: ReadonlyMap<string, UserLevel> = new Map([
  ['everyone', 'everyone'],
  ['all', 'everyone'],
  ['viewer', 'everyone'],
  ['sub', 'subscriber'],
  ['subs', 'subscriber'],
  ['subscriber', 'subscriber'],
  ['vip', 'vip'],
  ['mod', 'moderator'],
  ['mods', 'moderator'],
  ['moderator', 'moderator'],
  ['broadcaster', 'broadcaster'],
  ['owner', 'broadcaster'],
  ['streamer', 'broadcaster'],
]);

/** What the chat commands accept; the API takes the same fields by their full names. */
export const OPTION_HELP = '-ul=everyone|sub|vip|mod|broadcaster -cd=<s> -ucd=<s> -a=<alias,alias> -mode=reply|say|whisper -cost=<points> -kw=<keyword> -re=<pattern> -enabled=on|off';

/** Options come before the name and may follow it directly; everything after them is the text. */
export function parseManageLine(argsText: string, allowRename = false): ManageLine {
  const changes: CommandChanges = {};
  let rest = argsText.trim();
  const takeOptions = () => {
    for (let m = OPTION.exec(rest); m; m = OPTION.exec(rest)) {
      applyOption(changes, m[1]!.toLowerCase(), m[2]!, allowRename);
      rest = rest.slice(m[0].length);
    }
  };
  takeOptions();
  const word = WORD.exec(rest);
  const name = word?.[1];
  if (word) rest = rest.slice(word[0].length);
  takeOptions();
  return { changes, ...(name === undefined ? {} : { name }), text: rest.trim() };
}

function applyOption(changes: CommandChanges, key: string, value: string, allowRename: boolean): void {
  switch (key) {
    case 'ul':
    case 'userlevel': {
      const level = LEVELS.get(value.toLowerCase());
      if (!level) throw invalid(`-${key}=${value}: use everyone, sub, vip, mod or broadcaster.`);
      changes.userLevel = level;
      return;
    }
    case 'cd':
    case 'ucd':
    case 'cost': {
      if (!/^\d{1,10}$/.test(value)) throw invalid(`-${key}=${value}: use a whole number.`);
      if (key === 'cd') changes.globalCooldownSeconds = Number(value);
      else if (key === 'ucd') changes.userCooldownSeconds = Number(value);
      else changes.cost = Number(value);
      return;
    }
    case 'a':
    case 'alias':
    case 'aliases':
      changes.aliases = value.split(',').map((a) => a.trim()).filter((a) => a.length > 0);
      return;
    case 'mode':
      if (value !== 'reply' && value !== 'say' && value !== 'whisper') throw invalid(`-mode=${value}: use reply, say or whisper.`);
      changes.responseMode = value;
      return;
    case 'kw':
    case 'keyword':
      changes.trigger = value ? { kind: 'keyword', value: value.replace(/_/g, ' ') } : null;
      return;
    case 're':
    case 'pattern':
      changes.trigger = value ? { kind: 'pattern', value } : null;
      return;
    case 'enabled':
      if (!['on', 'off', 'true', 'false'].includes(value)) throw invalid(`-enabled=${value}: use on or off.`);
      changes.enabled = value === 'on' || value === 'true';
      return;
    case 'name':
      if (!allowRename) throw invalid('-name= only works with !editcom.');
      changes.name = value;
      return;
    default:
      throw invalid(`Unknown option -${key}. Options: ${OPTION_HELP}`);
  }
}

function invalid(message: string): CommandsError {
  return new CommandsError('commands.invalid_option', message);
}
