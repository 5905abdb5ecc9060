import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultModerationSettings as defaults } from '../moderation.settings.ts';
import { ChannelState } from '../moderation.state.ts';
import { chatMessage } from '../moderation.testing.ts';
import { normalizeText } from '../moderation.text.ts';
import { check } from './filter.testing.ts';
import { findLinks, hostAllowed, linksFilter } from './links.filter.ts';

const hosts = (text: string) => findLinks(normalizeText(text)).map((l) => l.host);

describe('link detection', () => {
  test('finds URLs and bare domains with real top-level domains', () => {
    assert.deepEqual(hosts('check out cheap-followers.xyz now'), ['cheap-followers.xyz']);
    assert.deepEqual(hosts('https://example.org/path?q=1 and www.test.co.uk'), ['example.org', 'www.test.co.uk']);
    assert.deepEqual(hosts('join discord.gg/abcdef'), ['discord.gg']);
  });

  test('undoes the common obfuscations', () => {
    for (const text of ['cheap-views dot com', 'cheap-views(.)com', 'cheap-views [.] com', 'cheap-views . com', 'cheap-views (dot) com', 'cheap-views。com', 'ｃｈｅａｐ－ｖｉｅｗｓ．ｃｏｍ', 'cheap-vi\u200bews.com']) {
      assert.deepEqual(hosts(text), ['cheap-views.com'], text);
    }
  });

  test('leaves sentences, file names, version numbers and abbreviations alone', () => {
    for (const text of ['hello there, nice play', 'that was insane.lol', 'i am done.now what', 'dot dot dot', 'patch 1.2.3 is out', 'index.html and node.js', 'e.g. this, i.e. that', 'gg. wp everyone', 'lol. me too']) {
      assert.deepEqual(hosts(text), [], text);
    }
  });

  test('allowed domains cover their subdomains only', () => {
    assert.ok(hostAllowed('clips.twitch.tv', ['clips.twitch.tv']));
    assert.ok(hostAllowed('www.youtube.com', ['youtube.com']));
    assert.ok(!hostAllowed('youtube.com.evil.xyz', ['youtube.com']));
    assert.ok(!hostAllowed('notyoutube.com', ['youtube.com']));
  });
});

describe('links filter', () => {
  const links = linksFilter(defaults.links, true);

  test('flags links outside the allow list, names the host', () => {
    assert.equal(check(links, chatMessage('look https://clips.twitch.tv/FunnyClip123')), null);
    assert.equal(check(links, chatMessage('song: youtu.be/dQw4w9WgXcQ')), null);
    assert.match(check(links, chatMessage('free followers at cheap-followers.xyz'))?.detail ?? '', /cheap-followers\.xyz/);
  });

  test('a permit lets exactly one link through, and lapses', () => {
    const state = new ChannelState();
    state.permit('viewer', 60_000);
    assert.equal(check(links, chatMessage('my site: mysite.com'), { state, now: 1_000 }), null);
    assert.ok(check(links, chatMessage('again: mysite.com'), { state, now: 2_000 }), 'the permit is used up');
    state.permit('viewer', 60_000);
    assert.ok(check(links, chatMessage('late: mysite.com'), { state, now: 61_000 }), 'the permit lapsed');
  });

  test('a first-time chatter may post no link at all in the strict profile', () => {
    assert.match(check(links, chatMessage('hi! youtube.com/watch?v=abc'), { strict: true })?.detail ?? '', /first message/);
    assert.equal(check(linksFilter(defaults.links, false), chatMessage('hi! youtube.com/watch?v=abc'), { strict: true }), null);
  });
});
