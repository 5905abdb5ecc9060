import type { Role } from './chat.ts';

/** The permission ladder, lowest first. */
export const USER_LEVELS = ['everyone', 'subscriber', 'vip', 'moderator', 'broadcaster'] as const;

/** A rung of the permission ladder. */
export type UserLevel = (typeof USER_LEVELS)[number];

const RANK: Record<UserLevel, number> = { everyone: 0, subscriber: 1, vip: 2, moderator: 3, broadcaster: 4 };

/** The highest rung a chatter with these roles stands on. Founders count as subscribers. */
export function userLevelOf(roles: ReadonlySet<Role>): UserLevel {
  if (roles.has('broadcaster')) return 'broadcaster';
  if (roles.has('moderator')) return 'moderator';
  if (roles.has('vip')) return 'vip';
  if (roles.has('subscriber') || roles.has('founder')) return 'subscriber';
  return 'everyone';
}

/** True when `level` is at or above `required`. */
export function meetsLevel(level: UserLevel, required: UserLevel): boolean {
  return RANK[level] >= RANK[required];
}

/** Why a chatter may or may not run a command. */
export type PermissionResult = { allowed: true } | { allowed: false; reason: 'denied_user' | 'user_level' };

/** Per-user lists that override the ladder; logins are lowercase. */
export interface UserLists {
  allow: ReadonlySet<string>;
  deny: ReadonlySet<string>;
}

/**
 * Decides whether a chatter may run a command. The deny list wins over everything, the allow list
 * lifts a chatter over the ladder; the broadcaster can never be locked out of their own channel.
 */
export function checkPermission(login: string, roles: ReadonlySet<Role>, required: UserLevel, lists: UserLists): PermissionResult {
  const level = userLevelOf(roles);
  if (level === 'broadcaster') return { allowed: true };
  if (lists.deny.has(login)) return { allowed: false, reason: 'denied_user' };
  if (lists.allow.has(login) || meetsLevel(level, required)) return { allowed: true };
  return { allowed: false, reason: 'user_level' };
}
