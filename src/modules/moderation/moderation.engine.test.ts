import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ModerationEngine } from './moderation.engine.ts';
import { defaultModerationSettings, moderationSettings } from './moderation.settings.ts';
import { chatMessage, ManualClock } from './moderation.testing.ts';
import { OfflineToxicityAnalyser } from './toxicity/offline.analyser.ts';

function engine(clock = new ManualClock()) {
  return { clock, engine: new ModerationEngine({ clock, scorer: new OfflineToxicityAnalyser() }) };
}

describe('ModerationEngine', () => {
  test('a clean message passes', () => {
    assert.equal(engine().engine.evaluate(chatMessage('hello there, nice play'), defaultModerationSettings), null);
  });

  test('repeat offences climb the ladder: warn, delete, 60 s, 600 s, then stay at the top', () => {
    const { engine: e, clock } = engine();
    const steps = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(20_000);
      steps.push(e.evaluate(chatMessage(`visit spam-site-${i}.xyz`), defaultModerationSettings)?.step);
    }
    assert.deepEqual(steps, [{ type: 'warn' }, { type: 'delete' }, { type: 'timeout', seconds: 60 }, { type: 'delete' }, { type: 'timeout', seconds: 600 }]);
  });

  test('a quiet window starts the ladder over; offences are counted per rule', () => {
    const { engine: e, clock } = engine();
    assert.equal(e.evaluate(chatMessage('visit a-site.xyz'), defaultModerationSettings)?.step.type, 'warn');
    assert.equal(e.evaluate(chatMessage('WHY WONT ANYONE ANSWER MY QUESTION'), defaultModerationSettings)?.step.type, 'warn', 'caps is a different rule');
    clock.advance(601_000);
    assert.equal(e.evaluate(chatMessage('visit b-site.xyz'), defaultModerationSettings)?.step.type, 'warn');
  });

  test('the strongest finding decides, every finding is reported', () => {
    const verdict = engine().engine.evaluate(chatMessage('N1GGER GO TO CHEAP-FOLLOWERS.XYZ RIGHT NOW'), defaultModerationSettings);
    assert.deepEqual(verdict?.step, { type: 'timeout', seconds: 600 });
    assert.equal(verdict?.rule, 'badwords');
    assert.deepEqual(verdict?.findings.map((f) => f.rule).sort(), ['badwords', 'caps', 'links', 'toxicity']);
  });

  test('the broadcaster and mods are never judged; VIPs are exempt by default; subscribers only when the channel says so', () => {
    const { engine: e } = engine();
    const link = (roles: ('broadcaster' | 'moderator' | 'vip' | 'subscriber' | 'founder')[]) => chatMessage('go to cheap-followers.xyz', { roles, login: roles.join('') || 'nobody' });
    assert.equal(e.evaluate(link(['broadcaster']), defaultModerationSettings), null);
    assert.equal(e.evaluate(link(['moderator']), defaultModerationSettings), null);
    assert.equal(e.evaluate(link(['vip']), defaultModerationSettings), null);
    assert.ok(e.evaluate(link(['subscriber']), defaultModerationSettings));
    const subsExempt = moderationSettings.parse({ links: { exempt: ['vip', 'subscriber'] } });
    assert.equal(e.evaluate(link(['subscriber']), subsExempt), null);
    assert.equal(e.evaluate(link(['founder']), subsExempt), null, 'founders count as subscribers');
    const modsJudged = moderationSettings.parse({ links: { exempt: [] } });
    assert.equal(e.evaluate(link(['moderator']), modsJudged), null, 'Twitch cannot act on mods, so they stay exempt');
  });

  test('first-time chatters get the strict profile: no warning first, lower toxicity threshold', () => {
    // Between the first-message threshold (0.6) and the usual one (0.75), whatever the analyser says of the text.
    const borderline = { analyse: () => ({ score: 0.7, category: 'insult' as const, evidence: 'borderline' }) };
    const e = new ModerationEngine({ clock: new ManualClock(), scorer: borderline });
    assert.equal(e.evaluate(chatMessage('hi check clips.twitch.tv/abc', { firstMessage: true, login: 'newbie' }), defaultModerationSettings)?.step.type, 'delete');
    assert.equal(e.evaluate(chatMessage('you are so whatever', { login: 'regular' }), defaultModerationSettings), null);
    assert.equal(e.evaluate(chatMessage('you are so whatever', { login: 'newcomer', firstMessage: true }), defaultModerationSettings)?.rule, 'toxicity');
  });

  test('a chatter just timed out is not timed out again for messages still in flight', () => {
    const { engine: e, clock } = engine();
    const steps = [];
    for (let i = 0; i < 8; i++) {
      clock.advance(500);
      steps.push(e.evaluate(chatMessage(`line ${i}`, { login: 'flooder' }), defaultModerationSettings)?.step.type ?? null);
    }
    assert.deepEqual(steps, [null, null, null, null, null, null, 'timeout', 'delete']);
  });

  test('compiles a channel\'s filters once per settings object', () => {
    const { engine: e } = engine();
    const settings = moderationSettings.parse({});
    assert.equal(e.compile(settings), e.compile(settings));
    assert.notEqual(e.compile(settings), e.compile(moderationSettings.parse({})));
  });

  test('switched-off filters do nothing', () => {
    const { engine: e } = engine();
    const off = moderationSettings.parse({ links: { enabled: false } });
    assert.equal(e.evaluate(chatMessage('cheap-followers.xyz'), off), null);
  });
});
