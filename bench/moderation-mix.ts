// The moderation bench's chat: each line of the built-in mix keeps its tags but gets one of 50,000
// chatters and a sentence from a larger vocabulary, and one message in 40 breaks a rule.

const RULE_BREAKERS = [
  'check out cheap-followers.xyz for free viewers',
  'WHY IS NOBODY ANSWERING MY QUESTION IN THIS CHAT',
  'you are so stupid streamer',
  'KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW KEKW',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  'cheap views dot com',
  '@a1 @b2 @c3 @d4 @e5 @f6 @g7 follow me',
  'h\u0336\u0335\u0334\u0337\u0338\u0321\u0322ello',
];

const VOCABULARY = (
  'gg lol nice that was insane chat is this real what a play no way hello streamer clip it please can you do again ' +
  'when next stream game boss level map build weapon aim shot clutch win lose round team enemy push rotate back left right ' +
  'how why who where did he she they we i my your our so very really too much more less first last time today tonight ' +
  'good bad great amazing crazy wild funny cute cool sick clean fast slow hard easy close far new old best worst love like ' +
  'music song volume camera mic sound chair setup keyboard mouse monitor settings sens fov dpi rank elo season patch update ' +
  'hype lets go finally again almost never always maybe sure yes nope idk tbh imo ngl fr lmao rofl haha omg wow yikes oof ' +
  'KEKW LUL Kappa PogChamp OMEGALUL monkaS Sadge Pog catJAM EZ Clap 😂 🔥 ❤️ 👀 💀 🙏 ' +
  'from germany brazil france spain poland canada australia japan korea morning evening night lunch dinner coffee water'
).split(' ');

/** A sentence of 1-14 words from the vocabulary, the same for the same seed. */
function sentence(seed: number): string {
  let x = seed * 2654435761;
  const next = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ (x >>> 12)) >>> 0);
  const words: string[] = [];
  for (let n = 1 + (next() % 14); n > 0; n--) words.push(VOCABULARY[next() % VOCABULARY.length]!);
  return words.join(' ');
}

/** Each chat line with a chatter of 50,000 and its own sentence; one in 40 breaks a rule. */
export function realisticMix(lines: readonly string[]): string[] {
  return lines.map((line, i) => {
    const at = line.indexOf(' PRIVMSG #');
    if (at === -1) return line;
    const textAt = line.indexOf(' :', at);
    if (textAt === -1) return line;
    const login = `chatter${i % 50_000}`;
    const text = i % 40 === 7 ? RULE_BREAKERS[(i / 40) % RULE_BREAKERS.length | 0]! : sentence(i);
    const head = line
      .slice(0, textAt)
      .replace(/emotes=[^;]*;/, 'emotes=;')
      .replace(/user-id=\d+/, `user-id=${1_000_000 + (i % 50_000)}`)
      .replace(/ :\w+!\w+@\w+\.tmi\.twitch\.tv/, ` :${login}!${login}@${login}.tmi.twitch.tv`);
    return `${head} :${text}`;
  });
}
