import type { SandboxEvent } from '../../api/types.ts';

const LOGIN = /^[A-Za-z0-9_]{1,25}$/;

export function validateLogin(login: string): string | null {
  if (login === '') return 'Enter a login';
  return LOGIN.test(login) ? null : 'Letters, digits and _ only, at most 25';
}

export function validateMessage(text: string): string | null {
  if (text.trim() === '') return 'Type a message';
  return text.length > 500 ? 'At most 500 characters' : null;
}

export interface EventSpec {
  label: string;
  type: string;
  amount?: { label: string; placeholder: string; numeric: boolean };
  /** EventSub fields beyond the user; `amount` is what the panel's extra field holds. */
  fields?: (amount: string) => Record<string, unknown>;
  /** Whose login the event names: the chatter, or the raiding channel. */
  userPrefix?: string;
}

const count = (value: string, fallback: number) => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The events the panel fires, in EventSub's names and shapes (the sandbox fills the rest). */
export type SandboxEventKind = 'follow' | 'sub' | 'resub' | 'gift' | 'cheer' | 'raid' | 'redemption';

export const SANDBOX_EVENTS: Record<SandboxEventKind, EventSpec> = {
  follow: { label: 'Follow', type: 'channel.follow' },
  sub: { label: 'Sub', type: 'channel.subscribe' },
  resub: { label: 'Resub', type: 'channel.subscription.message', amount: { label: 'Months', placeholder: '2', numeric: true }, fields: (a) => ({ cumulative_months: count(a, 2), message: 'Still here!' }) },
  gift: { label: 'Gift subs', type: 'channel.subscription.gift', amount: { label: 'Subs', placeholder: '1', numeric: true }, fields: (a) => ({ total: count(a, 1) }) },
  cheer: { label: 'Cheer', type: 'channel.cheer', amount: { label: 'Bits', placeholder: '100', numeric: true }, fields: (a) => ({ bits: count(a, 100), message: `Cheer${count(a, 100)}` }) },
  raid: { label: 'Raid', type: 'channel.raid', amount: { label: 'Viewers', placeholder: '10', numeric: true }, fields: (a) => ({ viewers: count(a, 10) }), userPrefix: 'from_broadcaster_user' },
  redemption: {
    label: 'Redemption',
    type: 'channel.channel_points_custom_reward_redemption.add',
    amount: { label: 'Reward', placeholder: 'Hydrate', numeric: false },
    fields: (a) => ({ reward: { title: a.trim() || 'Hydrate', cost: 100 } }),
  },
};

export function sandboxEventBody(channel: string, kind: SandboxEventKind, login: string, amount: string): SandboxEvent {
  const spec = SANDBOX_EVENTS[kind];
  return { channel, type: spec.type, event: { ...(spec.fields?.(amount) ?? {}), [`${spec.userPrefix ?? 'user'}_login`]: login } };
}
