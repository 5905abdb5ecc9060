// Chat-style training messages built from templates, written for this project (see README.md
// beside this file). The research corpus is tweets and chatbot turns; these teach the model how
// Twitch chat words its abuse and its harmless look-alikes: game talk with violent verbs, banter,
// negated and quoted insults, groups mentioned kindly. Deterministic: a seeded sample per template.
import { seededRandom } from '../toxicity.training.ts';

export interface ChatExample {
  text: string;
  toxic: boolean;
}

type Slots = Record<string, readonly string[]>;

// Filler slots keep their spaces ("bro ", " lol"); the others are trimmed.
const list = (words: string): string[] => words.split('|').map((w) => w.trim());
const fillers = (words: string): string[] => words.split('|');

const SLOTS: Slots = {
  youre: list('youre|ur|you are|u r|you re|you really are|youre honestly|ur literally|streamer is|this guy is|she is|he is|@kaito_x you are|@mira_plays ur'),
  start: fillers('|bro |lol |chat |honestly |ngl |yo |dude |man |omg |hey |wow |imagine |'),
  end: fillers('|| lol| lmao| KEKW| fr| ngl| tbh| LUL| haha| for real| ...| !| ?| xd| OMEGALUL| smh'),
  // Insults without a lexicon word: what the rules cannot list.
  put_down: list(
    'your iq is lower than your ping|you have two brain cells and they are fighting|thick as two planks|you have the brain of a goldfish|you play like a concussed chimp|you were dropped on your head as a baby|you are a walking disappointment|your parents must be so ashamed|you have a face for radio|you are a waste of a human|you smell like a landfill|you have zero talent|a few fries short of a happy meal|you are the reason shampoo has instructions|you belong in a zoo|you are a mistake|your brain is running on dialup|you are as sharp as a marble|you look like a thumb with hair|such a whiny toddler|you are a crying baby|you are so mid as a person|you are a sad little man|your mom should have kept you in the basement|nobody raised you right|the lights are on but nobody is home with you|you are an npc in real life|you are a bot with no brain|you peaked in middle school',
  ),
  // Harassment: pushing someone out, telling them nobody wants them.
  push_out: list(
    'just give up already|delete the channel and your account too|go outside and dont come back|nobody asked you to be here|go away and stay away|this whole chat cant stand you|no one wants you here|the whole internet laughs at you|leave twitch for good|you will never make it|give up streaming nobody cares|get out of my chat|nobody would miss you|unfollow this loser stream everyone|you should delete your account|stop streaming forever|do us all a favour and leave|no one would care if you vanished|the world would be better without you|log off and never come back|your stream is dying because of you|ill flood your chat every day until you stop|ill follow you to every stream until you leave|i will make your life hell|we will raid your chat until you cry',
  ),
  // Threats outside the game.
  threat: list(
    'somebody needs to rough you up irl|keep your doors locked tonight|i know what school you go to|hope a truck runs you over|someone needs to teach you a lesson irl|wait till i see you outside|you better watch yourself outside|i will find you and you wont like it|go end it, nobody will notice|i hope your house burns|i would smash your face in if i saw you|youre lucky this is online|i will make you regret this irl|hope you choke on your food|i have your address btw',
  ),
  // Sexual harassment without the obvious words.
  sexual: list(
    'what do you have on under that skirt|tilt the cam down a little ;)|do a swimsuit stream for us|i know a better use for that mouth|her viewers are only here for her chest|turn around so we can see the back|stand up and show us the rest|wear something tighter next time|lean closer to the camera ;)|i would ruin you|stream from your bed tonight|bet you look good with nothing on|rate her body chat|you should do a bath stream|come sit on my lap|i want to taste you|are you single send pics|how much for a private show|i can see your outline|you only get subs for your chest',
  ),
  group: list('women|girls|gays|asians|mexicans|black people|jews|muslims|trans people|indians|immigrants|disabled people|chinese people|arabs|gay people|lesbians|russians|foreigners|autistic people|latinos'),
  group_sing: list('woman|girl|gay guy|asian|mexican|black guy|jew|muslim|trans person|indian|immigrant|arab|foreigner'),
  // Derogatory generalisations about a group.
  generalise: list(
    "can't aim|cant play games|look all alike|wreck every match they join|cant be trusted on a team|shouldnt be allowed to play online|should stay out of esports|are always the worst teammates|never know what they are doing|only get carried|are the reason this game is dying|smell bad|steal everything|dont belong in gaming|are too dumb for ranked|run all the big gaming companies|ruin every lobby|cant drive|should not be allowed on twitch|always throw|are worse at games|need to go back where they came from|are all the same|bring down every team|shouldnt have rights",
  ),
  // Harmless things said about a group.
  group_kind: list(
    'big shoutout to the {group} speedrunners|so many {group} watching today welcome|{group} are killing it in the pro scene|love seeing {group} in the finals|happy to see more {group} streaming|{group} deserve more respect in gaming|the tournament had a team of {group} and they won|{group} in this chat are the best|the documentary about {group} in esports was great|respect to all {group} in the community|{group} have been playing this game since beta|big welcome to the {group} from the raid|i learned a lot from {group} in my guild|{group} made some of the best mods for this game',
  ),
  insult_noun: list('idiot|moron|loser|clown|muppet|dumbass|jerk|noob|joke|failure|donkey|bozo|creep|fraud|tool'),
  insult_adj: list('stupid|dumb|useless|trash|ugly|pathetic|annoying|braindead|clueless|worthless|garbage|incompetent|cringe'),
  quote_verb: list('type|say|write|spam|post'),
  // Game objects and enemies: violent verbs at them are the game.
  enemy: list('him|her|them|the boss|that guy|the sniper|the healer|the tank|the dragon|the last one|the npc|the zombie|the guard|the king|that camper|the rat on the roof|the enemy team'),
  violent: list('kill|shoot|stab|murder|destroy|headshot|finish|burn|nuke|execute|slap|punch|beat|smash|wreck|hunt down|choke out'),
  thing: list('boss|map|patch|update|game|build|weapon|quest|matchmaking|camera|hitbox|level|loadout|ending|servers|spawn|mechanic|ui'),
  praise: list('cracked|insane|sick|crazy|a beast|an animal|a menace|a monster|unreal|a madman|a machine|built different|goated|too good'),
  // Rough words that are praise only with what they praise: "filthy with that aim".
  // Everyday chat to and about the streamer: the harmless side needs "you", "your", "stream" and
  // "back" as much as the toxic side, or the model learns those words as abuse.
  channel_thing: list('stream|streams|setup|overlay|voice|emotes|cat|dog|music|playlist|commentary|content|energy|vods|channel|chair|mic|camera angle|build|loadout|settings|sub badges|intro'),
  good: list('so good|clean|amazing|underrated|better than mine|actually fun|really nice|the best|so chill|goated|on point|so cozy'),
  everyday: list(
    'are you going to stream tomorrow|can you show your settings|when is your next stream|how long have you been streaming|do you play on controller|where did you get your chair|did you see the new patch|will you come back to this game|are you back from vacation|welcome back to the stream|what rank are you|you should stream more often|you should try the {thing} next|you got this|you can do it|thank you for the stream|see you next stream|your chat is so wholesome|back to back wins lets go|you were right about the {thing}|you left the loot behind|you missed the chest on the left|go back to the last checkpoint|turn back there is a secret room|your {thing} guide helped me a lot|you and your duo are so fun to watch|can you read my message|did you eat yet|you sound tired take a break|your stream is my comfort stream|back from work what did i miss|you made my day|are you playing with viewers later|you should do a charity stream|your stream got me into this game|did your stream lag for anyone else|back in my day this game was harder|you have to go back for the key|your mic is a bit quiet',
  ),
  rough_praise: list('filthy|nasty|disgusting|dirty|evil|sick|gross'),
};

interface Template {
  pattern: string;
  toxic: boolean;
  count: number;
}

const t = (toxic: boolean, count: number, ...patterns: string[]): Template[] => patterns.map((pattern) => ({ pattern, toxic, count }));

const TEMPLATES: Template[] = [
  // Insults aimed at a person, with lexicon words and without.
  ...t(true, 40, '{start}{youre} such a {insult_noun}{end}', '{start}{youre} so {insult_adj}{end}', '{start}{youre} a {insult_adj} {insult_noun}{end}', '{start}what a {insult_adj} {insult_noun}{end}', '{start}shut up {insult_noun}{end}'),
  ...t(true, 60, '{start}{put_down}{end}', '{start}{push_out}{end}', '{start}{threat}{end}', '{start}{sexual}{end}'),
  ...t(true, 20, '{start}@mira_plays {put_down}{end}', '{start}@kaito_x {push_out}{end}', '{start}@jess_vr {sexual}{end}'),
  // Identity attacks: a group and a derogatory generalisation.
  ...t(true, 80, '{start}{group} {generalise}{end}', '{start}all {group} {generalise}{end}'),
  ...t(true, 30, 'no surprise the {group_sing} lost, {group} {generalise}', 'why do they even let {group} into tournaments', 'typical {group_sing} behaviour{end}', 'never trust {group}{end}', '{start}{group} are a plague on this game{end}', '{start}{group} only get views because of diversity{end}'),
  // Harmless: groups mentioned kindly or neutrally.
  ...t(false, 80, '{start}{group_kind}{end}'),
  ...t(false, 25, 'is the {group_sing} player on their team any good?', 'my duo is a {group_sing} and she carries me', 'there are more {group} in the top 500 than ever'),
  // Harmless: game talk with violent verbs.
  ...t(false, 60, '{start}{violent} {enemy}{end}', '{start}{violent} {enemy} hes one shot{end}', '{start}go {violent} {enemy} before he heals{end}', '{start}you have to {violent} {enemy} first{end}', '{start}just {violent} {enemy} from behind{end}'),
  ...t(false, 25, 'that joke killed me{end}', 'this {thing} is killing me{end}', 'killing it as always streamer{end}', 'you slayed that run{end}', 'you murdered them{end}', 'that {thing} is trying to kill us{end}', 'i would die for this {thing}{end}', 'i died laughing{end}', 'dead chat{end}', 'the {thing} killed me again{end}'),
  // Harmless: banter and praise that uses rough words.
  ...t(false, 50, '{start}{youre} {praise}{end}', "{start}{youre} {rough_praise} with that {thing}{end}", "{start}{youre} {rough_praise} with the sniper{end}", '{start}you absolute {praise}{end}', '{start}how are you this {praise} at this game{end}'),
  // Harmless: everyday chat.
  ...t(false, 150, '{start}{everyday}{end}'),
  ...t(false, 60, '{start}your {channel_thing} is {good}{end}', '{start}i love your {channel_thing}{end}', '{start}where did you get your {channel_thing}{end}', '{start}the stream is {good} today{end}'),
  // Harmless: "shut up" and "stop" as disbelief, not as an order.
  ...t(false, 30, '{start}shut up and let me enjoy this{end}', '{start}shut up thats actually {praise}{end}', '{start}oh shut up he did not just do that{end}', '{start}shut up i cant believe that worked{end}', '{start}stop it you are too {praise} today{end}'),
  // Harmless: criticism of things, and self-deprecation.
  ...t(false, 50, '{start}this {thing} is {insult_adj}{end}', '{start}the {thing} is so {insult_adj}{end}', '{start}who made this {insult_adj} {thing}{end}', '{start}that {thing} choice is {insult_adj}, swap it{end}', '{start}this npc keeps running into walls what a {insult_noun}{end}'),
  ...t(false, 30, "{start}i'm so {insult_adj}{end}", '{start}me being the most {insult_adj} player in the lobby{end}', '{start}i am such a {insult_noun} today{end}', '{start}my movement is so {insult_adj} today{end}'),
  // Harmless: negated insults.
  ...t(false, 40, '{start}not one person in chat believes you are a {insult_noun}{end}', '{start}nobody ever claimed you were {insult_adj}{end}', '{start}youre not {insult_adj}, you just had a bad round{end}', '{start}you are far from {insult_adj}{end}', '{start}you are anything but {insult_adj}{end}', '{start}i never said you were a {insult_noun}{end}', '{start}nobody thinks you are {insult_adj}, chill{end}', '{start}dont listen to them you are not {insult_adj}{end}'),
  // Harmless: talk about insults and quoted ones.
  ...t(false, 40, "what makes people {quote_verb} '{insult_noun}' at streamers", "someone wrote 'ur a {insult_noun}' to a new chatter and got banned", '{start}dont call people {insult_noun}s{end}', '{start}calling people {insult_adj} isnt funny{end}', '{start}telling people to kys is not a joke{end}', "that scene where he screams 'i will end you' is iconic", '{start}someone just called the streamer a {insult_noun}, mods?{end}', "{start}people who {quote_verb} '{insult_noun}' in chat get banned here{end}", '{start}report anyone who says {insult_adj} things to the streamer{end}', '{start}chat stop telling people to quit{end}'),
];

function fill(pattern: string, random: () => number): string {
  let text = pattern;
  // Slots may expand to text with slots of their own ({group_kind} holds {group}).
  for (let depth = 0; depth < 3 && text.includes('{'); depth++) {
    text = text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const options = SLOTS[name];
      if (!options) throw new Error(`chat template slot {${name}} is not defined`);
      return options[Math.floor(random() * options.length)]!;
    });
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The template messages, deduplicated, in a fixed order. */
export function templateExamples(seed = 7): ChatExample[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const out: ChatExample[] = [];
  for (const template of TEMPLATES) {
    for (let i = 0; i < template.count; i++) {
      const text = fill(template.pattern, random);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, toxic: template.toxic });
    }
  }
  return out;
}
