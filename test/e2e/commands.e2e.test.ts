// Custom commands in the whole bot against the sandbox: added by a mod in chat, used by viewers,
// stored in PGlite, and still counting after a restart on the same data folder.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { control, startBot, tempDataDir, waitForSent, type RunningBot, type SentMessage } from './bot.harness.ts';

async function chat(bot: RunningBot, login: string, text: string, roles: string[] = []): Promise<string> {
  return (await control<{ id: string }>(bot, 'POST', '/control/chat', { channel: 'sandbox', login, roles, text })).id;
}

const texts = (sent: SentMessage[]) => sent.map((s) => s.text);

describe('custom commands in the sandbox', { timeout: 180_000 }, () => {
  const data = tempDataDir();
  let bot: RunningBot | undefined;
  after(async () => {
    await bot?.stop();
    data.cleanup();
  });

  test('a mod adds a command with a per-user cooldown; two viewers use it; the repeat inside the cooldown is ignored', async () => {
    bot = await startBot({ dataDir: data.path });
    await chat(bot, 'mod_one', '!addcom -ucd=60 !hug $(user) hugs $(touser)! Hug #$(count)', ['moderator']);
    await waitForSent(bot, (s) => texts(s).includes('Added !hug.'), 10_000, '?channel=sandbox');

    const first = await chat(bot, 'viewer_one', '!hug @viewer_two');
    await waitForSent(bot, (s) => s.some((m) => m.text === 'viewer_one hugs viewer_two! Hug #1' && m.replyParentId === first), 10_000, '?channel=sandbox');
    await chat(bot, 'viewer_two', '!hug');
    await waitForSent(bot, (s) => texts(s).includes('viewer_two hugs viewer_two! Hug #2'), 10_000, '?channel=sandbox');

    await chat(bot, 'viewer_one', '!hug again');
    // A marker command after the ignored one: once its answer is there, the ignored one had its chance.
    await chat(bot, 'viewer_three', '!commands');
    await waitForSent(bot, (s) => texts(s).some((t) => t.startsWith('Commands:')), 10_000, '?channel=sandbox');
    // A hug that slipped through would need a database write first; give it time to show.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = await control<SentMessage[]>(bot, 'GET', '/control/sent?channel=sandbox');
    assert.ok(texts(sent).find((t) => t.startsWith('Commands:'))!.includes('!hug'), '!commands lists the custom command');
    assert.equal(texts(sent).filter((t) => t.includes('hugs')).length, 2, `the repeat inside the cooldown is ignored: ${JSON.stringify(texts(sent))}`);
  });

  test('$(count) persists across a restart of the bot on the same data folder', async () => {
    await bot!.stop();
    bot = await startBot({ dataDir: data.path });
    await chat(bot, 'viewer_four', '!hug');
    const sent = await waitForSent(bot, (s) => texts(s).some((t) => t.includes('hugs')), 15_000, '?channel=sandbox');
    assert.deepEqual(texts(sent).filter((t) => t.includes('hugs')), ['viewer_four hugs viewer_four! Hug #3']);
  });
});
