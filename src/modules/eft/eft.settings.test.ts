import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultChannelConfig } from '../../core/module.ts';
import { DEFAULT_TEMPLATES, eftSettingsOf, eftSettingsSchema, marketOf } from './eft.settings.ts';

describe('eft settings', () => {
  test('a channel that set nothing gets PvP, its own language and the default templates', () => {
    const settings = eftSettingsSchema.parse({});
    assert.equal(settings.gameMode, 'regular');
    assert.equal(settings.language, 'channel');
    assert.deepEqual(settings.templates, DEFAULT_TEMPLATES);
    assert.deepEqual(eftSettingsOf(defaultChannelConfig('x')), settings);
  });

  test('partial templates keep the other defaults; bad values are refused', () => {
    const settings = eftSettingsSchema.parse({ templates: { price: '{short}: {avg}' } });
    assert.equal(settings.templates.price, '{short}: {avg}');
    assert.equal(settings.templates.trader, DEFAULT_TEMPLATES.trader);
    assert.equal(eftSettingsSchema.safeParse({ gameMode: 'arena' }).success, false);
    assert.equal(eftSettingsSchema.safeParse({ language: 'xx' }).success, false);
    assert.equal(eftSettingsSchema.safeParse({ templates: { price: 'x'.repeat(401) } }).success, false);
    assert.equal(eftSettingsSchema.safeParse({ alertsPerViewer: -1 }).success, false);
  });

  test('the market follows the channel language when tarkov.dev has it', () => {
    const german = { ...defaultChannelConfig('x'), language: 'de' };
    const klingon = { ...defaultChannelConfig('x'), language: 'tlh' };
    const settings = eftSettingsSchema.parse({});
    assert.deepEqual(marketOf(settings, german), { mode: 'regular', lang: 'de' });
    assert.deepEqual(marketOf(settings, klingon), { mode: 'regular', lang: 'en' });
    assert.deepEqual(marketOf(eftSettingsSchema.parse({ gameMode: 'pve', language: 'ru' }), german), { mode: 'pve', lang: 'ru' });
  });
});
