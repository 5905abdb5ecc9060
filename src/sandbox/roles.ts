/** Chat roles and the badge tags Twitch derives from them. */
import type { Tags } from './tags.ts';

export const ROLES = ['broadcaster', 'moderator', 'vip', 'subscriber', 'founder'] as const;
export type Role = (typeof ROLES)[number];

export interface Badge {
  setId: string;
  version: string;
  /** The badge-info value (months subscribed), '' when the badge has none. */
  info: string;
}

/** Badges in Twitch's display order: channel role first, then the subscription badge. */
export function badgesFor(roles: ReadonlySet<Role>): Badge[] {
  const badges: Badge[] = [];
  if (roles.has('broadcaster')) badges.push({ setId: 'broadcaster', version: '1', info: '' });
  if (roles.has('moderator')) badges.push({ setId: 'moderator', version: '1', info: '' });
  if (roles.has('vip')) badges.push({ setId: 'vip', version: '1', info: '' });
  if (roles.has('founder')) badges.push({ setId: 'founder', version: '0', info: '1' });
  else if (roles.has('subscriber')) badges.push({ setId: 'subscriber', version: '0', info: '1' });
  return badges;
}

/** badge-info, badges, mod, subscriber, user-type and (only for VIPs) vip, as on PRIVMSG and USERNOTICE. */
export function roleTags(roles: ReadonlySet<Role>): Tags {
  const badges = badgesFor(roles);
  const tags: Tags = {
    'badge-info': badges.filter((b) => b.info !== '').map((b) => `${b.setId}/${b.info}`).join(','),
    badges: badges.map((b) => `${b.setId}/${b.version}`).join(','),
    mod: roles.has('moderator') ? '1' : '0',
    subscriber: roles.has('subscriber') || roles.has('founder') ? '1' : '0',
    'user-type': roles.has('moderator') ? 'mod' : '',
  };
  if (roles.has('vip')) tags.vip = '1';
  return tags;
}

export function isPrivileged(roles: ReadonlySet<Role>): boolean {
  return roles.has('broadcaster') || roles.has('moderator');
}
