import { USER_LEVELS, type UserLevel } from '../../../../src/core/permissions.ts';
import type { CommandInput, CustomCommand } from './commands.api.ts';

export { USER_LEVELS };

// The same limits the commands module applies (src/modules/commands/commands.service.ts).
const NAME = /^[a-z0-9_-]{1,32}$/;
const MAX_ALIASES = 10;
const MAX_COOLDOWN_SECONDS = 86_400;
const MAX_TEMPLATE = 2_000;

/** The form as typed: text fields stay strings until they are valid. */
export interface CommandDraft {
  name: string;
  text: string;
  aliases: string;
  userLevel: UserLevel;
  globalCooldownSeconds: string;
  userCooldownSeconds: string;
}

export type DraftErrors = Partial<Record<keyof CommandDraft, string>>;

export const emptyDraft: CommandDraft = { name: '', text: '', aliases: '', userLevel: 'everyone', globalCooldownSeconds: '5', userCooldownSeconds: '0' };

export function draftOf(command: CustomCommand): CommandDraft {
  return {
    name: command.name,
    text: command.text,
    aliases: command.aliases.join(', '),
    userLevel: command.userLevel,
    globalCooldownSeconds: String(command.globalCooldownSeconds),
    userCooldownSeconds: String(command.userCooldownSeconds),
  };
}

/** `!Hello` as chatters type it is the command `hello`. */
export function normalizeName(raw: string): string {
  return raw.trim().replace(/^!/, '').toLowerCase();
}

function aliasesOf(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map(normalizeName)
    .filter((a) => a !== '');
}

function cooldownError(raw: string): string | undefined {
  if (!/^\d+$/.test(raw.trim())) return 'Whole seconds, 0 or more';
  return Number(raw) > MAX_COOLDOWN_SECONDS ? 'At most 86400 seconds (a day)' : undefined;
}

/** What is wrong with the draft, field by field; empty when it can be sent. */
export function validateDraft(draft: CommandDraft): DraftErrors {
  const errors: DraftErrors = {};
  const name = normalizeName(draft.name);
  if (name === '') errors.name = 'Give the command a name';
  else if (!NAME.test(name)) errors.name = 'Letters, digits, _ and -, at most 32';
  if (draft.text.trim() === '') errors.text = 'Write what the bot answers';
  else if (draft.text.length > MAX_TEMPLATE) errors.text = `At most ${MAX_TEMPLATE} characters (${draft.text.length} now)`;
  const aliases = aliasesOf(draft.aliases);
  if (aliases.length > MAX_ALIASES) errors.aliases = `At most ${MAX_ALIASES} aliases`;
  else if (aliases.some((a) => !NAME.test(a))) errors.aliases = 'Each alias: letters, digits, _ and -';
  else if (aliases.includes(name)) errors.aliases = 'An alias cannot repeat the name';
  const global = cooldownError(draft.globalCooldownSeconds);
  if (global) errors.globalCooldownSeconds = global;
  const user = cooldownError(draft.userCooldownSeconds);
  if (user) errors.userCooldownSeconds = user;
  return errors;
}

export function inputOf(draft: CommandDraft): CommandInput {
  return {
    name: normalizeName(draft.name),
    text: draft.text,
    aliases: aliasesOf(draft.aliases),
    userLevel: draft.userLevel,
    globalCooldownSeconds: Number(draft.globalCooldownSeconds),
    userCooldownSeconds: Number(draft.userCooldownSeconds),
  };
}

/** Commands whose name, alias or text contains the search, case-insensitively. */
export function searchCommands(commands: readonly CustomCommand[], search: string): CustomCommand[] {
  const needle = search.trim().toLowerCase().replace(/^!/, '');
  if (needle === '') return [...commands];
  return commands.filter((c) => c.name.includes(needle) || c.aliases.some((a) => a.includes(needle)) || c.text.toLowerCase().includes(needle));
}
