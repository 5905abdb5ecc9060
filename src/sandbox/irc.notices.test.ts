import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeEvent } from './eventsub.events.ts';
import { eventNotice } from './irc.notices.ts';
import { UserRegistry } from './users.registry.ts';

const users = new UserRegistry();
const channel = users.user('sandbox', 'Sandbox');
const fan = users.user('fan', 'Fan');

function notice(type: string, given: Record<string, unknown>) {
  return eventNotice(type, completeEvent(type, channel, fan, given), fan, channel, users);
}

test('resub, gift and raid notices are worded the way Twitch words them', () => {
  const resub = notice('channel.subscription.message', { cumulative_months: 7, streak_months: 3, message: { text: 'still here Kappa' } });
  assert.equal(resub?.msgId, 'resub');
  assert.equal(resub?.systemMsg, "Fan subscribed at Tier 1. They've subscribed for 7 months, currently on a 3 month streak!");
  assert.equal(resub?.text, 'still here Kappa');
  assert.equal(resub?.params['streak-months'], '3');
  assert.equal(resub?.params['sub-plan-name'], 'Channel Subscription (sandbox)');
  assert.equal(notice('channel.subscription.message', { cumulative_months: 2 })?.systemMsg, "Fan subscribed at Tier 1. They've subscribed for 2 months!");

  const gift = notice('channel.subscription.gift', { total: 5, cumulative_total: 12, tier: '2000' });
  assert.equal(gift?.msgId, 'submysterygift');
  assert.equal(gift?.systemMsg, "Fan is gifting 5 Tier 2 Subs to Sandbox's community! They've gifted a total of 12 in the channel!");
  assert.equal(gift?.params['mass-gift-count'], '5');
  assert.match(gift?.params['origin-id'] ?? '', /^([0-9a-f]{2} ){19}[0-9a-f]{2}$/);

  const anonymous = notice('channel.subscription.gift', { total: 1, is_anonymous: true });
  assert.equal(anonymous?.user.login, 'ananonymousgifter');
  assert.equal(anonymous?.systemMsg, "An anonymous user is gifting 1 Tier 1 Subs to Sandbox's community!");
  assert.equal(anonymous?.params['sender-count'], undefined);

  const raid = notice('channel.raid', { viewers: 42 });
  assert.deepEqual(raid?.params, { displayName: 'Fan', login: 'fan', profileImageURL: 'https://static-cdn.jtvnw.net/jtv_user_pictures/fan-profile_image-70x70.png', viewerCount: '42' });
  assert.equal(raid?.systemMsg, '42 raiders from Fan have joined!');

  assert.equal(notice('channel.subscribe', { is_gift: true }), null);
  assert.equal(notice('channel.follow', {}), null);
});

test('events get defaults, and the users named in them win over conflicting ids', () => {
  const event = completeEvent('channel.subscribe', channel, fan, { user_id: '999', tier: '3000' });
  assert.deepEqual(event, {
    tier: '3000', is_gift: false,
    user_id: fan.id, user_login: 'fan', user_name: 'Fan',
    broadcaster_user_id: channel.id, broadcaster_user_login: 'sandbox', broadcaster_user_name: 'Sandbox',
  });
  const cheer = completeEvent('channel.cheer', channel, fan, { is_anonymous: true, bits: 5 });
  assert.equal(cheer.user_id, null);
  assert.equal(cheer.bits, 5);
  const redemption = completeEvent('channel.channel_points_custom_reward_redemption.add', channel, fan, { reward: { title: 'Hydrate' } });
  assert.equal((redemption.reward as { title: string; cost: number }).title, 'Hydrate');
  assert.equal((redemption.reward as { title: string; cost: number }).cost, 100);
  assert.equal(redemption.status, 'unfulfilled');
});
