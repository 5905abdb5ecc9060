import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from './chat.ts';
import { checkPermission, USER_LEVELS, userLevelOf, type UserLevel } from './permissions.ts';

const none = { allow: new Set<string>(), deny: new Set<string>() };
const chatters: [string, Role[], UserLevel][] = [
  ['viewer', [], 'everyone'],
  ['sub', ['subscriber'], 'subscriber'],
  ['founder', ['founder'], 'subscriber'],
  ['vip', ['vip', 'subscriber'], 'vip'],
  ['mod', ['moderator'], 'moderator'],
  ['owner', ['broadcaster'], 'broadcaster'],
];

test('the ladder: every chatter may run exactly the commands at or below their level', () => {
  for (const [login, roles, level] of chatters) {
    assert.equal(userLevelOf(new Set(roles)), level);
    for (const required of USER_LEVELS) {
      const expected = USER_LEVELS.indexOf(required) <= USER_LEVELS.indexOf(level);
      assert.equal(checkPermission(login, new Set(roles), required, none).allowed, expected, `${login} → ${required}`);
    }
  }
});

test('the allow list lifts a viewer; the deny list blocks even a moderator, never the broadcaster', () => {
  const lists = { allow: new Set(['viewer']), deny: new Set(['mod', 'owner']) };
  assert.deepEqual(checkPermission('viewer', new Set(), 'moderator', lists), { allowed: true });
  assert.deepEqual(checkPermission('mod', new Set<Role>(['moderator']), 'everyone', lists), { allowed: false, reason: 'denied_user' });
  assert.deepEqual(checkPermission('owner', new Set<Role>(['broadcaster']), 'broadcaster', lists), { allowed: true });
  assert.deepEqual(checkPermission('other', new Set(), 'vip', lists), { allowed: false, reason: 'user_level' });
});
