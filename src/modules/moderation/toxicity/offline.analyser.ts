import { GROUP_WORDS, GROUPS, lookup, wordsOf, type WordClass, type WordInfo } from './toxicity.lexicon.ts';

/** The kinds of toxicity the analyser tells apart. */
export type ToxicityCategory = 'insult' | 'threat' | 'identity_attack' | 'harassment' | 'sexual_harassment' | 'profanity';

/** A score from 0 (harmless) to 1, with the strongest finding behind it. */
export interface ToxicityResult {
  score: number;
  category: ToxicityCategory | null;
  /** The words or the rule that decided it, for the moderation log. */
  evidence: string | null;
}

interface PhraseRule {
  pattern: RegExp;
  weight: number;
  category: ToxicityCategory;
}

const YOU =
  '(?:you|u|ya|yu|yall|@\\S+|him|her|them|(?:ur|your|his|her) (?:family|mom|mum|kids|wife|dog|sister|house|home|address|car|legs|neck|face|arms|jaw|teeth)|(?:the|this) streamer|streamer|all of you|every ?one here)';
const FIRST = '(?:i|ill|im|imma|i will|i am|id|i would|we|well|were|gonna|going to|gon|wanna|want to|gotta|finna)';
const ALL = '(?:all )?(?:the |those |these |you )?';

// Phrases that are toxic as a whole. They run on the message's words joined by single spaces, after
// normalisation, so punctuation, case, lookalikes and leetspeak are already gone.
const PHRASES: PhraseRule[] = [
  {
    pattern: new RegExp(
      `\\b${FIRST}\\b(?: \\S+){0,3}? (?:kill|murder|stab|shoot|rape|dox|doxx|swat|strangle|choke|behead|kidnap|torture|hurt|bomb|punch|slap|skin|gut|hunt|hunt down|break|beat the (?:shit|crap|hell) out of) ${YOU}\\b|\\b(?:someone|somebody|some1) (?:should|needs to|gotta|has to|ought to|will|is gonna|gonna) (?:kill|shoot|stab|murder|hurt|beat up|swat|dox|rape) ${YOU}\\b`,
    ),
    weight: 0.95,
    category: 'threat',
  },
  {
    pattern: new RegExp(
      `\\b(?:kys+|kill (?:your|ur) ?self|kill yourselves|neck (?:your|ur) ?self|hang (?:your|ur) ?self|unalive (?:your|ur) ?self|drink bleach|jump off a (?:bridge|building|cliff)|go die|die in a (?:fire|hole|ditch)|hope (?:you|u|ya|he|she|they|(?:your|ur) \\S+) (?:die|dies|get cancer|gets cancer|get hit by|crash|crashes|rot|suffer|burns? down|get raped)|(?:you|u) should (?:die|be dead|not exist|end it)|(?:you|u) deserve to (?:die|suffer|be raped)|i know where (?:you|u) live|watch (?:your|ur) back|(?:your|ur) (?:days|time) (?:are|is) (?:numbered|up)|i will find (?:you|u)|ill find (?:you|u)|beat (?:you|u) up|(?:you|u) (?:go to |should |will |can |must |better |gonna )?die\\b(?! (?:laughing|of laughter))|when (?:will|are|do) (?:you|u) (?:die|dying)|die (?:bitch|idiot|loser|slut|whore|now you)|^(?:kill|stab|shoot|murder) (?:you|u))\\b`,
    ),
    weight: 0.96,
    category: 'threat',
  },
  {
    // A threat outside the game: harm to the person or their home, "irl", "after stream".
    pattern:
      /\b(?:(?:if|when) i (?:see|find|catch|meet) (?:you|u)\b.*\b(?:dead|kill|hurt|beat|stab|shoot|regret)|(?:you|u)(?:re| are| will be| r|ll be) (?:dead|not safe|done for|finished) (?:irl|in real life|after (?:this|the) stream|when i)|(?:you|u) (?:wont|will not|arent|are not) (?:be )?safe|(?:im|i am|ill be|i will be|were|we are) (?:coming|going|driving|headed) (?:to|for) (?:your|ur) (?:house|home|address|place|school|work|family)|(?:find|get|leak|post) (?:your|ur) (?:address|home address|ip|location|real name)|(?:slit|cut|break|snap|crush|smash) (?:your|ur) (?:throat|neck|skull|face|legs|arms|head|bones|teeth)|make (?:sure )?(?:you|u) (?:suffer|bleed|pay|regret)|(?:you|u)(?:ll| will) regret (?:this|that|it) irl)\b/,
    weight: 0.9,
    category: 'threat',
  },
  {
    pattern: new RegExp(
      `\\b(?:fuck (?:you|u|ya|yu|off|yourself|urself|him|her|them|(?:this|the|that|ur|your) (?:streamer|guy|dude|chat|mod|mods|kid)|streamer|mods|chat)|f (?:u|you)|screw (?:you|u|ya|off)|go to hell|burn in hell|rot in hell|eat (?:shit|a dick|dick|my ass)|get fucked|go fuck|shut (?:the fuck|tf|the hell|ur|your) (?:up|mouth)|stfu+|(?:you|u|ur stream|your stream|ur content|your content|(?:this|the) streamer|streamer|mods) (?:fucking |really |so |just )?(?:suck|sucks|blow|blows)|suck my (?:ass|balls)|kiss my ass|fuck (?:your|ur) (?:mom|mum|mother|dad|family|sister|full family|whole family)|get (?:the fuck|tf|the hell) out|bite me|piece of (?:shit|crap|garbage|trash)|waste of (?:space|air|oxygen|skin)|son of a bitch|(?:what|whats) (?:the fuck |the hell )?(?:is )?wrong with (?:you|u))\\b`,
    ),
    weight: 0.88,
    category: 'insult',
  },
  { pattern: /\b(?:gtfo|piss off|shut up|get lost|bugger off|sod off)\b/, weight: 0.55, category: 'insult' },
  {
    pattern:
      /\b(?:no ?one|nobody) (?:here )?(?:likes|cares about|loves|wants|watches|asked for) (?:you|u|ur|your)\b|\bevery ?(?:one|body)(?: here| in chat)? hates (?:you|u)\b|\b(?:you|u) have no friends\b|\bget a (?:life|job)\b|\b(?:you|u) should (?:just |really )?(?:quit|uninstall|stop streaming|give up|leave)\b|\bget off (?:the internet|twitch|my screen)\b|\bquit streaming\b|\bnobody watches (?:you|u|this|ur|your)?/,
    weight: 0.8,
    category: 'harassment',
  },
  { pattern: /\b(?:nobody asked|who asked|cry about it|cope harder|uninstall|ratio|seethe)\b/, weight: 0.35, category: 'harassment' },
  { pattern: /\bi (?:hate|despise) (?:you|u)\b/, weight: 0.6, category: 'harassment' },
  {
    pattern: new RegExp(
      `\\b(?:send (?:me |us )?(?:your |ur |some )?(?:nudes|noods|nude pics|feet pics|nude|tit pics|boob pics)|show (?:me |us )?(?:your |ur |those |them |the |some |ya )?(?:tits|boobs|titties|ass|butt|feet|pussy|nipples|nudes|cleavage|bra|panties|thighs|body)|(?:nice|great|big|huge|sexy|fat|juicy|perfect) (?:tits|boobs|titties|ass|butt|rack|cleavage|thighs)|${FIRST} (?:(?:to|and) )?(?:fuck|bang|smash|rape|lick|grope|sleep with|have sex with|eat out|finger|touch|breed|impregnate) (?:you|u|ya|her|ur|your|(?:the |this )?streamer)|strip (?:for|on|naked|tease)|see (?:you|u) naked|(?:pics|pictures|photos) of (?:your|ur) (?:body|feet|tits|boobs|ass|butt)|(?:are|r) (?:you|u) wearing (?:panties|a bra|underwear|anything)|take (?:it )?all off|i ?d smash$|(?:let me|can i|could i|lets|let us) (?:fuck|bang|smash|have sex|hook up|sleep with|lick|touch|grope|see (?:your|ur) (?:tits|boobs|ass|feet|body))|sit on my (?:face|lap|dick|cock)|suck my (?:dick|cock|d)|(?:are|r) (?:you|u) (?:wet|horny)|dick pics?|(?:take|get) (?:it|them|that|those|your \\S+|ur \\S+|everything) off|take off (?:your|ur) (?:clothes|shirt|top|pants|bra|panties)|(?:have|having) sex with (?:me|you|u)|(?:lets|let us|wanna|want to|do you want to|would you like to|will you) (?:have sex|fuck|bang|make love|cyber)|(?:are|r) (?:you|u) naked|suck (?:a |my )?(?:dick|cock|d)|give me a (?:blowjob|bj|handjob)|bend over|do (?:you|u) (?:like|want) (?:sex|porn|to fuck))\\b`,
    ),
    weight: 0.9,
    category: 'sexual_harassment',
  },
  {
    pattern: /\b(?:(?:you|u) (?:are|r|look|looking) |youre |ur )(?:so |really |very |super |fucking )?(?:sexy|hot|thicc|fuckable|bangable|doable|horny)\b|\b(?:your|ur) (?:tits|boobs|titties|ass|butt|pussy|thighs|nipples)\b|\b(?:are|r) (?:you|u) (?:a )?virgin\b|\bnudes\b/,
    weight: 0.72,
    category: 'sexual_harassment',
  },
  {
    pattern: new RegExp(
      `\\b${ALL}(?:${GROUPS}) (?:are|r|is) (?:all |just |so |such |fucking |literally |nothing but |a bunch of )*(?:an? )?(?:trash|garbage|animals|subhuman|inferior|disgusting|stupid|dumb|vermin|parasites|scum|evil|filth|filthy|rats|monkeys|apes|pigs|dogs|cockroaches|sick|mentally ill|disease|the problem|worthless|useless|retarded|retards|idiots|dirty|criminals|terrorists|rapists|thieves|lazy|mistake|freaks|degenerates|abominations?|not human|not people|gross|a plague|cancer|inbred|savages)\\b`,
    ),
    weight: 0.93,
    category: 'identity_attack',
  },
  {
    pattern: new RegExp(
      `\\b(?:kill|gas|deport|exterminate|hang|burn|shoot|lynch|eradicate|genocide|get rid of) ${ALL}(?:${GROUPS})\\b|\\bi (?:hate|despise|cant stand) ${ALL}(?:${GROUPS})\\b|\\b(?:${GROUPS}) (?:should|must|need to|deserve to|ought to) (?:all )?(?:die|burn|be killed|be gassed|be shot|be hanged|be deported|go back|not exist|not vote|stay in the kitchen|shut up|be banned)\\b|\\b${ALL}(?:${GROUPS}) (?:are|r) (?:ruining|destroying|invading|taking over|replacing|poisoning) \\S+|\\b(?:${GROUPS}) (?:shouldnt|should not|shouldn't) (?:be allowed|have rights|vote|exist)`,
    ),
    weight: 0.95,
    category: 'identity_attack',
  },
  {
    pattern: /\bgo back to (?:china|africa|mexico|india|asia|the desert|the jungle|your cave)\b|\btypical (?:jew|muslim|woman|female|girl|black|mexican|asian|indian|arab|immigrant|gay|tranny)\b|\bching chong\b|\b(?:go back to (?:your|ur|their) (?:own )?(?:country|countries)|(?:women|girls|females|woman) belong in the kitchen|(?:back to|get back in|go back to|belongs? in) the kitchen|make me a sandwich|heil hitler|sieg heil|white power|1488|gas the|hitler was right|holocaust (?:never happened|was fake|didnt happen)|white genocide)\b/,
    weight: 0.9,
    category: 'identity_attack',
  },
];

// Each phrase contains at least one of its rule's anchor words, so only the rules whose anchors
// occur in a message run: a set lookup per word instead of a dozen expressions per message (a test
// checks the promise against every labelled message).
const GROUP_ANCHORS = GROUPS.replace(/\|/g, ' ');
const ANCHORS: string[] = [
  'kill murder stab shoot rape dox doxx swat strangle choke behead kidnap torture hurt bomb punch slap skin gut hunt break beat',
  'kys kyss kysss kill neck hang unalive bleach jump die dies dying deserve know watch days time find beat stab shoot murder hope should',
  'see find catch meet dead safe coming going driving headed address ip location name slit cut break snap crush smash suffer bleed pay regret end deserve deserves need needs ought hope watch careful leave',
  'fuck f screw hell eat fucked get go shut stfu stfuu stfuuu suck sucks blow blows kiss bite piece waste son wrong',
  'gtfo piss shut get bugger sod',
  'likes cares loves wants watches hates friends life job quit uninstall stop give leave off streaming nobody',
  'asked cry cope uninstall ratio seethe',
  'hate despise',
  'send show nice great big huge sexy fat juicy perfect fuck bang smash rape lick grope sleep sex eat finger touch breed impregnate strip see pics pictures photos wearing off naked sit suck dick bend blowjob bj handjob wet horny porn cyber love hook',
  'sexy hot thicc fuckable bangable doable horny tits boobs titties ass butt pussy thighs nipples underwear panties bra virgin nudes',
  GROUP_ANCHORS,
  `kill gas deport exterminate hang burn shoot lynch eradicate genocide get hate despise ${GROUP_ANCHORS}`,
  'back typical ching kitchen sandwich heil sieg white power 1488 gas hitler holocaust genocide china africa mexico india asia desert jungle cave',
];
if (ANCHORS.length !== PHRASES.length) throw new Error('every phrase rule needs its anchor words');

/** The phrase rules with their anchor words, for the tests. */
export const PHRASE_RULES: readonly (PhraseRule & { anchors: ReadonlySet<string> })[] = PHRASES.map((rule, i) => ({ ...rule, anchors: new Set(ANCHORS[i]!.split(/\s+/)) }));
// Which rules (bit i = PHRASES[i]) each anchor word wakes.
const RULES_BY_WORD = new Map<string, number>();
PHRASE_RULES.forEach((rule, i) => {
  for (const word of rule.anchors) RULES_BY_WORD.set(word, (RULES_BY_WORD.get(word) ?? 0) | (1 << i));
});

// Spellings that dodge a word list without leetspeak.
const VARIANTS: Record<string, string> = { fck: 'fuck', fuk: 'fuck', fuq: 'fuck', fcuk: 'fuck', phuck: 'fuck', fuc: 'fuck', fckin: 'fucking', fkin: 'fucking', fcking: 'fucking', biatch: 'bitch', bish: 'bitch', azz: 'ass', stoopid: 'stupid' };

// Masked swearing ("f*ck", "sh#t"): a word with * or # is compared with these, letter by letter.
const MASKABLE = ['fuck', 'fucking', 'fucker', 'shit', 'bitch', 'cunt', 'asshole', 'motherfucker', 'nigger', 'nigga', 'faggot', 'dick', 'cock', 'pussy', 'whore', 'slut', 'idiot', 'retard', 'stfu', 'twat', 'bastard'];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '8': 'b' };
const TOKEN = /@[\p{L}\p{N}_]+|[\p{L}\p{N}$@!*#|'’]+/gu;
const EDGE_JUNK = /^[$@!*#|'’]+|[$@!*#|'’]+$/g;
const LEET_INSIDE = /(?<=\p{L})[0134578@$!|]|[0134578@$!|](?=\p{L})/gu;

const GAME_CONTEXT = /\b(?:in game|ingame|in the (?:lava|game|pit|void|water)|to (?:reset|respawn|skip)|respawn|for the (?:achievement|trophy|quest)|in pvp|next round)\b/;
const GROUP_MENTION = new RegExp(`\\b(?:${GROUPS})\\b`);
// Nouns for people that name things when "ai", "bot" or "npc" comes first ("the ai teammates").
const NOT_PEOPLE_BEFORE: ReadonlySet<string> = new Set(['ai', 'bot', 'bots', 'npc', 'cpu', 'computer']);
const COMPOUND_HEADS: ReadonlySet<string> = new Set(['talk', 'talking', 'talker', 'can', 'bin', 'bag', 'panda', 'tier', 'truck', 'collection', 'box', 'day']);
const TRAILERS: ReadonlySet<string> = new Set(['lol', 'lmao', 'lmfao', 'kekw', 'xd', 'haha', 'lul', 'omegalul']);
const TALKING_ABOUT = /\b(?:dont|do not|never|stop|no need to|not) (?:call|calling|be calling)\b/;
const PROFANE_NOUNS: ReadonlySet<string> = new Set(['shit', 'ass', 'arse', 'fuck', 'cock', 'tits', 'crap']);
const INSULTS: ReadonlySet<WordClass> = new Set(['insult_noun', 'insult_adj', 'slur']);
const TRIGGERS: ReadonlySet<WordClass> = new Set(['insult_noun', 'insult_adj', 'slur', 'profanity', 'cue']);

/** Splits a normalised text into words: mentions kept as `@name`, leetspeak and masking undone. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.match(TOKEN) ?? []) {
    // Most words are plain letters and digits; only the others need the clean-up below.
    let word = raw;
    if (!isPlainWord(word)) {
      if (word.length > 1 && word[0] === '@' && !/[@!$*#|'’]/.test(word.slice(1))) {
        words.push(word);
        continue;
      }
      word = word.replace(/['’]/g, '').replace(EDGE_JUNK, '');
      if (word.length === 0) continue;
      if (/[0-9@$!|]/.test(word) && /\p{L}/u.test(word)) word = word.replace(LEET_INSIDE, (c) => LEET[c] ?? c);
      if (word.includes('*') || word.includes('#')) word = unmask(word);
    }
    words.push(VARIANTS[word] ?? word);
  }
  return joinSpelledOut(words);
}

// Lowercase letters only, or digits only: digits inside letters are leetspeak ("1d10t") and take the slow path.
function isPlainWord(word: string): boolean {
  let letters = false;
  let digits = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) letters = true;
    else if (code >= 48 && code <= 57) digits = true;
    else return false;
  }
  return !(letters && digits);
}

function unmask(word: string): string {
  for (const candidate of MASKABLE) {
    if (candidate.length !== word.length) continue;
    let same = true;
    for (let i = 0; i < word.length && same; i++) same = word[i] === '*' || word[i] === '#' || word[i] === candidate[i];
    if (same) return candidate;
  }
  return word.replace(/[*#]/g, '');
}

// "i d i o t", "k y s", "y o u  a r e  t r a s h": three or more single letters in a row that
// spell known words become them.
function joinSpelledOut(words: string[]): string[] {
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    const single = i < words.length && words[i]!.length === 1 && /[a-z]/.test(words[i]!);
    if (single && start === -1) start = i;
    if (!single && start !== -1) {
      if (i - start >= 3) {
        const spelled = segment(words.slice(start, i).join(''));
        if (spelled) {
          words.splice(start, i - start, ...spelled);
          i = start + spelled.length;
        }
      }
      start = -1;
    }
  }
  return words;
}

// Splits run-together letters into lexicon words, longest first; null unless a word with weight is among them.
function segment(letters: string): string[] | null {
  const out: string[] = [];
  let weighty = false;
  for (let at = 0; at < letters.length; ) {
    let found = '';
    for (let end = Math.min(letters.length, at + 14); end > at && !found; end--) {
      const candidate = letters.slice(at, end);
      if (lookup(candidate) || candidate === 'kys') found = candidate;
    }
    if (!found) return null;
    const info = lookup(found);
    if (found === 'kys' || (info && TRIGGERS.has(info.cls))) weighty = true;
    out.push(found);
    at += found.length;
  }
  return weighty ? out : null;
}

/**
 * The offline toxicity analyser: a lexicon of insults, slurs and swearing, plus who an insult is
 * aimed at. "You are so stupid" aims an insult at a person; "this boss is so stupid" aims it at a
 * thing; "I'm so stupid" at the speaker; "you're not stupid" takes it back. Threats, identity
 * attacks, harassment and sexual harassment are recognised as phrases. Findings combine like
 * independent evidence: 1 - (1 - a)(1 - b)...
 */
export class OfflineToxicityAnalyser {
  analyse(normalizedText: string): ToxicityResult {
    return mightBeToxic(normalizedText) ? this.analyseFully(normalizedText) : HARMLESS;
  }

  /** The analysis without the quick check in front; the tests compare both. */
  analyseFully(normalizedText: string): ToxicityResult {
    const words = tokenize(normalizedText);
    const infos: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(words.length);
    let triggered = false;
    let rules = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      rules |= RULES_BY_WORD.get(word) ?? 0;
      const info = word[0] === '@' && word.length > 1 ? MENTION : lookup(word);
      if (!info) {
        const split = splitGlued(word);
        if (split) {
          words.splice(i, 1, split.target, split.insult);
          infos.splice(i, 1, SECOND, split.info);
          triggered = true;
          i++;
          continue;
        }
      }
      infos[i] = info;
      if (info && TRIGGERS.has(info.cls)) triggered = true;
    }
    if (!triggered && rules === 0) return HARMLESS;
    const joined = words.join(' ');

    const found = new Findings();
    // "don't call people idiots", "stop calling the streamer names": talk about insults, not insults.
    const damping = TALKING_ABOUT.test(joined) ? 0.15 : 1;
    let profanity = 0;
    for (let j = 0; j < words.length; j++) {
      const info = infos[j];
      if (!info) continue;
      if (info.cls === 'profanity') {
        profanity++;
        // "you are shit", "ur a fuck": swearing aimed straight at someone is an insult ("you're the shit" is praise).
        if (PROFANE_NOUNS.has(words[j]!) && words[j - 1] !== 'the' && aimOf(words, infos, j, true) >= 1) found.add(0.85, 'insult', words[j]!);
        continue;
      }
      if (!INSULTS.has(info.cls)) continue;
      if (info.cls === 'slur') {
        found.add(info.weight, 'identity_attack', words[j]!);
        continue;
      }
      // "dumb bitch", "stupid idiot": an insulting adjective on an insulting noun is one stronger insult.
      const compound = info.cls === 'insult_noun' && infos[j - 1]?.cls === 'insult_adj' ? 0.05 : 0;
      let aim = aimOf(words, infos, j, info.cls === 'insult_noun');
      // "girls can't play, they're stupid": "they" stands for the group named before.
      const groupAim = (aim < 0.9 && subjectIsThey(words, infos, j) && GROUP_MENTION.test(joined)) || subjectIsGroup(words, infos, j);
      if (groupAim) aim = Math.max(aim, 0.95);
      const weight = Math.min(1, info.weight + compound) * aim * damping;
      if (weight >= 0.05) found.add(weight, groupAim ? 'identity_attack' : 'insult', words[j]!);
    }
    if (profanity > 0) found.add(Math.min(0.36, 0.12 * profanity), 'profanity', 'swearing');

    const inGame = rules !== 0 && GAME_CONTEXT.test(joined);
    for (let i = 0; i < PHRASES.length; i++) {
      if (!(rules & (1 << i))) continue;
      const rule = PHRASES[i]!;
      const match = rule.pattern.exec(joined);
      // "go die in the lava to reset the puzzle" is advice about the game.
      if (match) found.add(rule.category === 'threat' && inGame ? rule.weight * 0.2 : rule.weight, rule.category, match[0]);
    }
    return { score: round(1 - found.keep), category: found.category, evidence: found.evidence };
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// The quick check: most chat has no word the analysis reacts to. Plain lowercase words are hashed
// as they are scanned (no strings made) and looked up among the hashes of every word that matters;
// anything unusual (leetspeak, masking, spelled-out letters, glued words, other scripts) goes to
// the full analysis. A hash collision only costs a full analysis.
const WORD_HASHES: ReadonlySet<number> = new Set(
  [
    ...wordsOf(TRIGGERS),
    ...PHRASE_RULES.flatMap((rule) => [...rule.anchors]),
    ...Object.keys(VARIANTS),
  ].map(hashWord),
);

// Repeated letters count once, as in the scan: "stuuupid" hashes like "stupid".
function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) if (i === 0 || word.charCodeAt(i) !== word.charCodeAt(i - 1)) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

/** False when the full analysis could only find the text harmless. */
export function mightBeToxic(text: string): boolean {
  let h = FNV_OFFSET;
  let length = 0;
  let previous = -1;
  let first = -1;
  let letters = false;
  let digits = false;
  let singles = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const letter = code >= 97 && code <= 122;
    if (letter || (code >= 48 && code <= 57)) {
      if (length === 0) first = code;
      if (letter) letters = true;
      else digits = true;
      if (code !== previous) h = Math.imul(h ^ code, FNV_PRIME);
      previous = code;
      length++;
      continue;
    }
    // Apostrophes vanish inside words ("you're" is "youre").
    if (code === 39 || code === 0x2019) continue;
    // Letters of scripts normalisation did not map need the real tokenizer.
    if (code >= 0x80 && code < 0xd800 && LETTER_OR_DIGIT.test(text[i]!)) return true;
    if (code === 42 || code === 35 || code === 36 || code === 124 || code === 33 || code === 64) {
      // Masking or leetspeak inside a word ("f*ck", "b!tch", "a$$"); a mention's @ or a closing ! is not.
      const before = length > 0;
      const after = i + 1 < text.length && isWordCode(text.charCodeAt(i + 1));
      if (code === 64 || code === 33 ? before && after : before || after) return true;
      if (code === 64 && after) continue;
    }
    if (length > 0) {
      if (letters && digits) return true;
      if (WORD_HASHES.has(h & HASH_MASK)) return true;
      // "urstupid", "youidiot": a target glued to an insult.
      if (length >= 5 && (first === 117 || first === 121)) return true;
      singles = length === 1 && letters ? singles + 1 : 0;
      if (singles >= 3) return true;
    }
    h = FNV_OFFSET;
    length = 0;
    previous = -1;
    letters = digits = false;
  }
  return false;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Findings combine like independent evidence; the strongest one names the category. */
class Findings {
  keep = 1 - HARMLESS_SCORE;
  weight = 0;
  category: ToxicityCategory | null = null;
  evidence: string | null = null;

  add(weight: number, category: ToxicityCategory, evidence: string): void {
    this.keep *= 1 - weight;
    if (weight > this.weight) {
      this.weight = weight;
      this.category = category;
      this.evidence = evidence;
    }
  }
}

const HARMLESS_SCORE = 0.01;
const HARMLESS: ToxicityResult = Object.freeze({ score: HARMLESS_SCORE, category: null, evidence: null });
const MENTION: WordInfo = { cls: 'second', weight: 1 };
const SECOND: WordInfo = MENTION;

// "urstupid", "youidiot": a target glued to an insult.
function splitGlued(word: string): { target: string; insult: string; info: WordInfo } | null {
  if (word.length < 5 || (word[0] !== 'u' && word[0] !== 'y')) return null;
  for (const target of ['you', 'ur', 'u']) {
    if (!word.startsWith(target)) continue;
    const rest = word.slice(target.length);
    const info = lookup(rest);
    if (info && (info.cls === 'insult_noun' || info.cls === 'insult_adj')) return { target, insult: rest, info };
  }
  return null;
}

const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'r', 're', 'am', 'was', 'were', 'be', 'been', 'being', 'so', 'such']);
const ARTICLE_LIKE: ReadonlySet<WordClass> = new Set(['glue', 'possessive', 'second']);

/**
 * How squarely the insult at `j` is aimed at a person (0..1), from the words before it (its
 * subject, across glue such as "are so fucking") and the words after it.
 */
function aimOf(words: readonly string[], infos: readonly (WordInfo | undefined)[], j: number, isNoun: boolean): number {
  const next = nextContent(infos, j);
  // "your stupid game", "stupid boss": the adjective describes the thing that follows ("so ugly it hurts" does not).
  if (!isNoun && next?.cls === 'object' && words[j + 1] !== 'it') return 0.1;
  // "trash talk", "garbage truck", "the idiot box": the word is part of a compound naming a thing.
  if (COMPOUND_HEADS.has(words[j + 1] ?? '')) return 0.1;
  let aim = -1;
  let negated = false;
  let copula = false;
  let skippedUnknown = false;
  for (let i = j - 1; i >= 0 && i >= j - 7 && aim < 0; i--) {
    const info = infos[i];
    if (COPULAS.has(words[i]!)) copula = true;
    // "you talk like an idiot", "plays like a girl": a verb of comparison joins subject and insult.
    if (words[i + 1] === 'like' && i + 1 < j) continue;
    switch (info?.cls) {
      case 'glue':
      case 'profanity':
      case 'insult_adj':
        continue;
      case 'negation':
        negated = true;
        continue;
      case 'second':
      case 'possessive':
        aim = info.weight;
        break;
      case 'third':
        aim = info.weight;
        break;
      case 'person':
        // "your mom is a ...": an insult to someone's family is aimed at them; "the ai teammates" are not people.
        aim = infos[i - 1]?.cls === 'possessive' ? 1 : NOT_PEOPLE_BEFORE.has(words[i - 1] ?? '') ? (copula ? 0.1 : 0) : info.weight;
        break;
      case 'object':
        // "it is stupid" has the thing as its subject; in "suck it loser" the clause ends at "it".
        aim = copula ? 0.1 : 0;
        break;
      case 'self':
        aim = 0.05;
        break;
      default:
        // One unknown word after an article is probably an adjective: "a spineless coward".
        if (!info && !skippedUnknown && i > 0 && ARTICLE_LIKE.has(infos[i - 1]?.cls ?? 'cue')) {
          skippedUnknown = true;
          continue;
        }
        // An unknown subject ("xqc is an idiot"): a noun insult names a person, an adjective may not.
        aim = isNoun ? 0.8 : 0.35;
    }
  }
  if (aim <= 0) {
    // No subject: "idiot", "lol loser", "what an idiot": a short exclamation is usually aimed at someone present.
    const count = words.length;
    aim = isNoun ? (count <= 2 ? 0.9 : count <= 4 ? 0.85 : 0.5) : 0.3;
    if (isNoun && (words[j - 1] === 'a' || words[j - 1] === 'an') && words[j - 2] === 'what') aim = 0.9;
    // "get off the internet loser": an insult closing the message is said to someone.
    if (isNoun && isLast(words, j)) aim = Math.max(aim, 0.85);
    // "the idiot box": a definite article without a person around names a thing or a title.
    else if (isNoun && words[j - 1] === 'the') aim = Math.min(aim, 0.3);
  }
  // "stupid streamer", "idiot mods", "pathetic little man": the person follows.
  if (next && (next.cls === 'second' || next.cls === 'person')) aim = Math.max(aim, next.weight);
  return negated ? aim * 0.15 : aim;
}

function isLast(words: readonly string[], j: number): boolean {
  for (let i = j + 1; i < words.length; i++) if (!TRAILERS.has(words[i]!)) return false;
  return true;
}

// True when the insult at `j` has "they"/"them" as its subject ("they're stupid", "they are all useless").
function subjectIsThey(words: readonly string[], infos: readonly (WordInfo | undefined)[], j: number): boolean {
  for (let i = j - 1; i >= 0 && i >= j - 5; i--) {
    if (words[i] === 'they' || words[i] === 'theyre' || words[i] === 'them') return true;
    const cls = infos[i]?.cls;
    if (cls !== 'glue' && cls !== 'insult_adj' && cls !== 'profanity') return false;
  }
  return false;
}

// True when the insult at `j` has a group noun as its subject ("jews are greedy rats").
function subjectIsGroup(words: readonly string[], infos: readonly (WordInfo | undefined)[], j: number): boolean {
  for (let i = j - 1; i >= 0 && i >= j - 6; i--) {
    if (GROUP_WORDS.has(words[i]!) || (words[i] === 'people' && i > 0 && /^(?:black|white|gay|trans|jewish|asian|muslim|brown|disabled)$/.test(words[i - 1]!))) return true;
    const cls = infos[i]?.cls;
    if (cls !== 'glue' && cls !== 'insult_adj' && cls !== 'profanity') return false;
  }
  return false;
}

// The next word after `j` that is not glue.
function nextContent(infos: readonly (WordInfo | undefined)[], j: number): WordInfo | undefined {
  for (let i = j + 1; i < infos.length && i <= j + 3; i++) {
    const info = infos[i];
    if (info?.cls !== 'glue') return info;
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
