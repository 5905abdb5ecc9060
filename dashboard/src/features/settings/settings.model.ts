import type { ChannelRole } from '../../api/types.ts';

/** The same rules the API applies (src/http/api/channels.routes.ts), checked as the user types. */
export function validatePrefix(prefix: string): string | null {
  if (prefix.length === 0) return 'Enter a prefix';
  if (prefix.length > 5) return 'At most 5 characters';
  return /\s/.test(prefix) ? 'No spaces' : null;
}

export function validateLanguage(language: string): string | null {
  return /^[a-z]{2}(-[A-Z]{2})?$/.test(language) ? null : 'A language code such as en or pt-BR';
}

export function validateKeyName(name: string): string | null {
  if (name.trim() === '') return 'Give the key a name';
  return name.length > 60 ? 'At most 60 characters' : null;
}

export function validateGrantLogin(login: string, channel: string): string | null {
  if (!/^[A-Za-z0-9_]{1,25}$/.test(login)) return 'A Twitch login: letters, digits and _';
  return login.toLowerCase() === channel ? 'The broadcaster is always the owner' : null;
}

export const KEY_ROLES: ChannelRole[] = ['viewer', 'moderator', 'editor', 'owner'];
export const GRANTABLE_ROLES = ['viewer', 'moderator', 'editor'] as const;
