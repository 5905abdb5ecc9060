import { bigramIndex, featureIndexes, HASH_START, hashStep, MENTION_HASH, modelTokens, START_HASH, tokenHash, unigramIndex } from './toxicity.features.ts';
import { GROUP_WORDS, GROUPS, hasRun, lookup, squeeze, wordsOf, type WordClass, type WordInfo } from './toxicity.lexicon.ts';
import { defaultModel, sigmoid, type ToxicityModel } from './toxicity.model.ts';

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
  '(?:you|u|ya|yu|yall|@\\S+|him|her|them|(?:ur|your|his|her) (?:family|mom|mum|kids|wife|dog|sister|house|home|address|car|legs|neck|face|arms|jaw|teeth)|(?:the|this) streamer|streamer|(?:this|that) (?:guy|dude|kid|clown|man|woman|girl|loser|idiot)|all of you|every ?one here)';
const FIRST = '(?:i|ill|im|imma|i will|i am|id|i would|we|well|were|gonna|going to|gon|wanna|want to|gotta|finna)';
const ALL = '(?:all )?(?:the |those |these |you )?';

// Phrases that are toxic as a whole. They run on the message's words joined by single spaces, after
// normalisation, so punctuation, case, lookalikes and leetspeak are already gone.
const PHRASES: PhraseRule[] = [
  {
    pattern: new RegExp(
      `\\b${FIRST}\\b(?: \\S+){0,3}? (?:kill|murder|stab|shoot|rape|dox|doxx|swat|strangle|choke|behead|kidnap|torture|hurt|bomb|punch|slap|skin|gut|hunt|hunt down|break|beat the (?:shit|crap|hell) out of) ${YOU}\\b|\\b(?:someone|somebody|some1) (?:should|needs to|gotta|has to|ought to|will|is gonna|gonna) (?:kill|shoot|stab|murder|hurt|beat up|swat|dox|rape) ${YOU}\\b|\\bhope (?:someone|somebody|some1) (?:kills|shoots|stabs|murders|hurts|beats up|rapes|doxxes|swats) ${YOU}\\b|\\b(?:beat|rough|smack|mess) ${YOU} up\\b|\\bknock ${YOU} out\\b(?! of)`,
    ),
    weight: 0.95,
    category: 'threat',
  },
  {
    pattern: new RegExp(
      `\\b(?:kys+|kill (?:your|ur) ?self|end (?:your|ur) ?self|sleep with one eye open|kill yourselves|neck (?:your|ur) ?self|hang (?:your|ur) ?self|unalive (?:your|ur) ?self|drink bleach|jump off a (?:bridge|building|cliff)|go die|die in a (?:fire|hole|ditch)|hope (?:you|u|ya|he|she|they|(?:your|ur) \\S+) (?:die|dies|get cancer|gets cancer|get hit by|crash|crashes|rot|suffer|burns? down|get raped)|(?:you|u) should (?:die|be dead|not exist|end it)|(?:you|u) deserve to (?:die|suffer|be (?:raped|shot|killed|stabbed|beaten|hurt|murdered|hanged)|get (?:shot|stabbed|killed|hurt|raped|beaten))|i know where (?:you|u) live|watch (?:your|ur) back|(?:your|ur) (?:days|time) (?:are|is) (?:numbered|up)|i will find (?:you|u)|ill find (?:you|u)|beat (?:you|u) up|(?:you|u) (?:go to |should |will |can |must |better |gonna )?die\\b(?! (?:laughing|of laughter))|when (?:will|are|do) (?:you|u) (?:die|dying)|die (?:bitch|idiot|loser|slut|whore|now you)|^(?:kill|stab|shoot|murder) (?:you|u))\\b`,
    ),
    weight: 0.96,
    category: 'threat',
  },
  {
    // A threat outside the game: harm to the person or their home, "irl", "after stream".
    pattern:
      /\b(?:(?:if|when) i (?:see|find|catch|meet) (?:you|u)(?: \S+){0,8}? (?:dead|kill|hurt|beat|stab|shoot|regret)|(?:you|u)(?:re| are| will be| r|ll be) (?:dead|not safe|done for|finished) (?:irl|in real life|after (?:this|the) stream|when i)|(?:you|u) (?:wont|will not|arent|are not) (?:be )?safe|(?:im|i am|ill be|i will be|were|we are) (?:coming|going|driving|headed) (?:to|for) (?:your|ur) (?:house|home|address|place|school|work|family)|(?:find|get|leak|post) (?:your|ur) (?:address|home address|ip|location|real name)|(?:slit|cut|break|snap|crush|smash) (?:your|ur) (?:throat|neck|skull|face|legs|arms|head|bones|teeth)|make (?:sure )?(?:you|u) (?:suffer|bleed|pay|regret)|(?:you|u)(?:ll| will) regret (?:this|that|it) irl|(?:kill|murder|stab|shoot|end|hurt|beat|hunt) (?:you|u)(?: \S+){0,6}? (?:irl|in real life|after (?:the |this )?stream)|(?:when|once|after|if) (?:you|u) (?:leave|get (?:to|back to)|walk out of|step out of|go out of) (?:your|ur) (?:house|home|place|school|work|apartment|flat))\b/,
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
      /\b(?:no ?one|nobody)(?: here| in (?:this |the )?chat)? (?:likes|cares about|loves|wants|watches|asked for) (?:you|u|ur|your)\b|\bevery ?(?:one|body)(?: here| in chat)? hates (?:you|u)\b|\b(?:you|u) have no friends\b|\bget a (?:life|job)\b|\b(?:you|u) should (?:just |really )?(?:quit|uninstall|stop streaming|give up|leave)\b|\bget off (?:the internet|twitch|my screen)\b|\bquit streaming\b|\bnobody watches (?:you|u|this|ur|your)?|\b(?:keep|never stop|wont stop|not (?:gonna|going to) stop)\b(?: \S+){0,4}? until (?:you|u|he|she|they|(?:the )?streamer) (?:quits?|leaves?|cry|cries|stops?|deletes?|dies?|breaks?|log off|logs off|goes away|go away|uninstalls?)\b|(?:^|\b(?:just|pls|please|go|should|must|need to|needs to)\b )(?:leave|quit) (?:twitch|streaming|the internet)\b/,
    weight: 0.8,
    category: 'harassment',
  },
  { pattern: /\b(?:nobody asked|who asked|cry about it|cope harder|uninstall|ratio|seethe)\b/, weight: 0.35, category: 'harassment' },
  { pattern: /\bi (?:hate|despise) (?:you|u)\b/, weight: 0.6, category: 'harassment' },
  {
    pattern: new RegExp(
      `\\b(?:send (?:me |us )?(?:your |ur |some )?(?:nudes|noods|nude pics|feet pics|nude|tit pics|boob pics)|show (?:me |us )?(?:your |ur |those |them |the |some |ya )?(?:tits|boobs|titties|ass|butt|feet|pussy|nipples|nudes|cleavage|bra|panties|thighs|body)|(?:nice|great|big|huge|sexy|fat|juicy|perfect) (?:tits|boobs|titties|ass|butt|rack|cleavage|thighs)|${FIRST} (?:(?:to|and) )?(?:fuck|bang|smash|rape|lick|grope|sleep with|have sex with|eat out|finger|touch|breed|impregnate) (?:you|u|ya|her|ur|your|(?:the |this )?streamer)|strip (?:for|on|naked|tease)|see (?:you|u) naked|(?:pics|pictures|photos) of (?:your|ur) (?:body|feet|tits|boobs|ass|butt)|(?:are|r) (?:you|u) wearing (?:panties|a bra|underwear|anything)|take (?:it )?all off|i ?d smash$|(?:let me|can i|could i|lets|let us) (?:fuck|bang|smash|have sex|hook up|sleep with|lick|touch|grope|see (?:your|ur) (?:tits|boobs|ass|feet|body))|sit on my (?:face|lap|dick|cock)|suck my (?:dick|cock|d)|(?:are|r) (?:you|u) (?:wet|horny)|dick pics?|(?:take|get) (?:it|them|that|those|your \\S+|ur \\S+|everything) off|take off (?:your|ur) (?:clothes|shirt|top|pants|bra|panties)|(?:have|having) sex with (?:me|you|u)|(?:lets|let us|wanna|want to|do you want to|would you like to|will you) (?:have sex|fuck|bang|make love|cyber)|(?:are|r) (?:you|u) naked|suck (?:a |my )?(?:dick|cock|d)|give me a (?:blowjob|bj|handjob)|bend over|do (?:you|u) (?:like|want) (?:sex|porn|to fuck)|(?:your|ur) (?:bra|cup) size|(?:your|ur) (?:underwear|panties|bra|thong|lingerie|knickers)|(?:open|spread) (?:your|ur|those|them|her) legs|show (?:us |me )?(?:more |some )?skin|(?:those|them|dem) (?:tits|boobs|titties|cleavage))\\b`,
    ),
    weight: 0.9,
    category: 'sexual_harassment',
  },
  {
    pattern: /\b(?:(?:you|u) (?:are|r|look|looking) |youre |ur )(?:so |really |very |super |fucking )?(?:sexy|hot|thicc|fuckable|bangable|doable|horny)\b|\b(?:your|ur) (?:tits|boobs|titties|ass|butt|pussy|thighs|nipples)\b|\b(?:are|r) (?:you|u) (?:a )?virgin\b|\bnudes\b/,
    weight: 0.72,
    category: 'sexual_harassment',
  },
  { pattern: /\bcome (?:to|over to|back to) my (?:place|house|room|bed|hotel)\b/, weight: 0.6, category: 'sexual_harassment' },
  {
    // Set insults that name no insult word.
    pattern:
      /\bgene pool\b|\b(?:you|u|youre|ur|he|hes|she|shes|streamer)(?: (?:are|is|r|re))?(?: such| just| literally)? an? walking (?:l|joke|disaster|embarrassment|meme|red flag)\b|\bcry to (?:your|ur) (?:mommy|mom|mum|mama|mother|daddy)\b/,
    weight: 0.88,
    category: 'insult',
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
      `\\b(?:kill|gas|deport|exterminate|hang|burn|shoot|lynch|eradicate|genocide|get rid of) ${ALL}(?:${GROUPS})\\b|\\bi (?:hate|despise|cant stand) ${ALL}(?:${GROUPS})\\b|\\b(?:${GROUPS}) (?:should|must|need to|deserve to|ought to) (?:all )?(?:die|burn|be killed|be gassed|be shot|be hanged|be deported|go back|not exist|not vote|stay in the kitchen|shut up|be banned)\\b|\\b${ALL}(?:${GROUPS}) (?:are|r) (?:ruining|destroying|invading|taking over|replacing|poisoning) \\S+|\\b(?:${GROUPS}) (?:shouldnt|should not|shouldn't) (?:be allowed|have rights|vote|exist)|\\b(?:${GROUPS}) (?:control|run|own) (?:everything|the (?:world|media|banks|government|news)|hollywood)\\b`,
    ),
    weight: 0.95,
    category: 'identity_attack',
  },
  {
    // A derogatory generalisation: a group as the subject of "can't", "ruin", "all look the same", ...,
    // or a group kept out ("never trust women", "don't let mexicans on your team").
    pattern: new RegExp(
      `\\b(?:${GROUPS}) (?:all |always |just |never |literally |really |only )*(?:cant|cannot|can not|shouldnt|should not|dont belong|do not belong|dont deserve|do not deserve|ruin|ruins|ruined|wreck|wrecks|destroy|destroys|smell|stink|steal|look the same|look alike|look all alike|are the reason|are why|are too (?:dumb|stupid|slow|weak|bad|emotional)|are worse|suck|(?:control|run|own) (?:all|every|the whole))\\b|\\b(?:dont|never|do not|shouldnt|should not|cant) (?:let|trust|hire|allow|invite|queue with|play with|team with) (?:any )?(?:${GROUPS})\\b`,
    ),
    weight: 0.86,
    category: 'identity_attack',
  },
  {
    pattern: /\bgo back to (?:china|africa|mexico|india|asia|the desert|the jungle|your cave)\b|\btypical (?:jew|muslim|woman|female|girl|black|mexican|asian|indian|arab|immigrant|gay|tranny)\b|\bching chong\b|\b(?:go back to (?:your|ur|their) (?:own )?(?:country|countries)|(?:women|girls|females|woman) belong in the kitchen|(?:back to|get back in|go back to|belongs? in) the kitchen|make me a sandwich|heil hitler|sieg heil|white power|1488|gas the|hitler was right|holocaust (?:never happened|was fake|didnt happen)|white genocide)\b/,
    weight: 0.9,
    category: 'identity_attack',
  },
];

// Every match of a phrase rule contains at least one of its anchor words, chosen as rare as that
// allows, so only the rules whose anchors occur in a message run: a set lookup per word instead of a
// dozen expressions per message, and most chat never leaves the quick scan (a test checks the
// promise against every labelled message).
const GROUP_ANCHORS = GROUPS.split('|')
  .map((group) => group.split(' ')[0])
  .join(' ');
const ANCHORS: string[] = [
  'kill murder stab shoot rape dox doxx swat strangle choke behead kidnap torture hurt bomb punch slap skin gut hunt break beat kills shoots stabs murders hurts beats rapes doxxes swats rough smack mess knock',
  'kys kyss kysss kill neck hang unalive bleach jump die dies dying deserve know watch days time find beat stab shoot murder cancer hit crash crashes rot suffer burn burns raped dead exist end sleep',
  'dead kill hurt beat stab shoot regret safe done finished house home address place school work family ip location name slit cut break snap crush smash suffer bleed pay murder end hunt apartment flat',
  'fuck f screw hell eat fucked shut stfu stfuu stfuuu suck sucks blow blows kiss bite piece waste son wrong tf',
  'gtfo piss shut lost bugger sod',
  'likes cares loves wants watches asked hates friends life job quit uninstall stop give leave off until',
  'asked cry cope uninstall ratio seethe',
  'hate despise',
  'nudes noods nude feet tit boob tits boobs titties ass butt pussy nipples cleavage bra panties thighs body rack fuck bang smash rape lick grope sleep sex eat finger touch breed impregnate strip naked wearing off sit suck wet horny dick blowjob bj handjob bend porn love cyber hook size underwear thong lingerie knickers legs skin',
  'sexy hot thicc fuckable bangable doable horny tits boobs titties ass butt pussy thighs nipples virgin nudes',
  'place house room bed hotel',
  'gene walking cry',
  GROUP_ANCHORS,
  GROUP_ANCHORS,
  GROUP_ANCHORS,
  'typical ching kitchen sandwich heil sieg white 1488 gas hitler holocaust genocide china africa mexico india asia desert jungle cave country countries',
];
if (ANCHORS.length !== PHRASES.length) throw new Error('every phrase rule needs its anchor words');

/** The phrase rules with their anchor words, for the tests. */
export const PHRASE_RULES: readonly (PhraseRule & { anchors: ReadonlySet<string> })[] = PHRASES.map((rule, i) => ({ ...rule, anchors: new Set(ANCHORS[i]!.split(/\s+/)) }));
// Which rules (bit i = PHRASES[i]) each anchor word wakes; a word with repeated letters also wakes
// the rules of its squeezed form ("stfuuuu", "kysssss").
const RULES_BY_WORD = new Map<string, number>();
const RULES_BY_SQUEEZED = new Map<string, number>();
PHRASE_RULES.forEach((rule, i) => {
  for (const word of rule.anchors) {
    RULES_BY_WORD.set(word, (RULES_BY_WORD.get(word) ?? 0) | (1 << i));
    RULES_BY_SQUEEZED.set(squeeze(word), (RULES_BY_SQUEEZED.get(squeeze(word)) ?? 0) | (1 << i));
  }
});

// Spellings that dodge a word list without leetspeak.
// A Map, not an object: a chat word such as "constructor" must not find Object.prototype's.
const VARIANTS: ReadonlyMap<string, string> = new Map(Object.entries({ fck: 'fuck', fuk: 'fuck', fuq: 'fuck', fcuk: 'fuck', phuck: 'fuck', fuc: 'fuck', fckin: 'fucking', fkin: 'fucking', fcking: 'fucking', biatch: 'bitch', bish: 'bitch', azz: 'ass', stoopid: 'stupid' }));

// Masked swearing ("f*ck", "sh#t"): a word with * or # is compared with these, letter by letter.
const MASKABLE = ['fuck', 'fucking', 'fucker', 'shit', 'bitch', 'cunt', 'asshole', 'motherfucker', 'nigger', 'nigga', 'faggot', 'dick', 'cock', 'pussy', 'whore', 'slut', 'idiot', 'retard', 'stfu', 'twat', 'bastard'];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l', '8': 'b' };
const TOKEN = /@[\p{L}\p{N}_]+|[\p{L}\p{N}$@!*#|'’]+/gu;
const EDGE_JUNK = /^[$@!*#|'’]+|[$@!*#|'’]+$/g;
const LEET_INSIDE = /(?<=\p{L})[0134578@$!|]|[0134578@$!|](?=\p{L})/gu;

const GAME_CONTEXT = /\b(?:in game|ingame|in the (?:lava|game|pit|void|water|tutorial|level|dungeon|arena)|to (?:reset|respawn|skip|unlock)|respawn|for the (?:achievement|trophy|quest)|in pvp|next round)\b/;
// "he's so dumb in this cutscene": said of a character, unless the message also speaks to someone.
const FICTION_CONTEXT = /\bin (?:this|the) (?:cutscene|movie|show|episode|film|book|story|anime|series|trailer|scene)\b/;
const GROUP_MENTION = new RegExp(`\\b(?:${GROUPS})\\b`);
// A group as the subject of a claim ("women are", "asians always", "gays ruin") or its object of
// hate ("hate jews"): only then does the model's evidence read as an identity attack. A group named
// in passing ("shoutout to all the women in esports") is not one.
const GROUP_SUBJECT = new RegExp(
  `\\b(?:${GROUPS}) (?:are|r|is|all|always|never|just|only|literally|really|cant|can|cannot|should|shouldnt|dont|do|will|wont|need|deserve|ruin|ruins|belong|look|smell|get|act|think)\\b|\\b(?:hate|despise|typical|trust|let) (?:all )?(?:the )?(?:${GROUPS})\\b`,
);
// Words that make a noun for people name a thing: "the ai teammates", "the chat bot".
const NOT_PEOPLE: ReadonlySet<string> = new Set(['ai', 'bot', 'bots', 'npc', 'cpu', 'computer']);
// Rough words that are praise before "with": "you're filthy with that aim", "disgusting with the awp".
const PRAISED_WITH: ReadonlySet<string> = new Set(['filthy', 'disgusting', 'nasty', 'gross', 'dirty', 'vile', 'sick', 'insane']);
const COMPOUND_HEADS: ReadonlySet<string> = new Set(['talk', 'talking', 'talker', 'can', 'bin', 'bag', 'panda', 'tier', 'truck', 'collection', 'box', 'day']);
const TRAILERS: ReadonlySet<string> = new Set(['lol', 'lmao', 'lmfao', 'kekw', 'xd', 'haha', 'lul', 'omegalul']);
// Talk about insults rather than insults: telling people not to use them, reporting that someone
// did, asking why people do, denying that anyone thinks them ("nobody here thinks you're an idiot").
const TALKING_ABOUT =
  /\b(?:dont|do not|never|stop|no need to|not) (?:call|calling|be calling)\b|\b(?:someone|somebody|he|she|they|people|ppl|who|chat) (?:just )?(?:called|calls|calling)\b|\b(?:nobody|no ?one|noone|not one person|not a single person)(?: \S+){0,3}? (?:thinks|think|says|is saying|said|believes|claimed|claims|called|calls|is calling)\b|\b(?:saying|typing|telling (?:people|someone|others|ppl)(?: to)?|writing|spamming|calling (?:people|someone|others|ppl))(?: \S+){1,5}? (?:is not|isnt|aint|is never|not) (?:funny|ok|okay|cool|fine|a joke|acceptable|allowed|banter)\b|\bwhy (?:do|would|does) (?:people|ppl|you guys|they|anyone|someone) (?:type|say|write|spam|post|keep saying|keep typing)\b|\b(?:never|didnt|did not|nobody|no one) (?:said|say|says|called|call|calls)\b/;
// A quoted span: "he said 'you're trash'" reports an insult. Single quotes open after a non-letter
// and close before one, so the apostrophes of "you're" stay inside.
const QUOTED = /(?<![\p{L}\p{N}])(?:'((?:[^'’‘"]|(?<=\p{L})['’](?=\p{L}))+?)['’]|‘([^’"]+?)’|"([^"“”]+?)"|“([^”"]+?)”)(?![\p{L}\p{N}])/gu;
const QUOTE_CHARS = /['’‘"“”]/;
// Words around a quote that make it reported speech. Without one, a quote can be the speaker's own
// words (a quoted retweet, "\"clown\" is right"), and it counts in full.
const REPORTING =
  /\b(?:say|says|said|saying|type|types|typed|typing|write|writes|wrote|writing|spam|spams|spammed|spamming|post|posts|posted|line|lines|quote|quoted|word|words|phrase|call|calls|called|calling|yell|yells|yelled|scream|screams|screamed|shout|shouts|shouted|tell|tells|told|telling|message|messages|comment|comments)\b/;
// How much a quoted insult still counts.
const QUOTED_SHARE = 0.2;
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
      word = word.replace(APOSTROPHES, '').replace(EDGE_JUNK, '');
      if (word.length === 0) continue;
      if (/[0-9@$!|]/.test(word) && /\p{L}/u.test(word)) word = word.replace(LEET_INSIDE, (c) => LEET[c] ?? c);
      if (word.includes('*') || word.includes('#')) word = unmask(word);
    }
    words.push(VARIANTS.get(word) ?? word);
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
 * The offline toxicity analyser. Rules: a lexicon of insults, slurs and swearing, plus who an insult
 * is aimed at ("you are so stupid" aims an insult at a person; "this boss is so stupid" at a thing;
 * "I'm so stupid" at the speaker; "you're not stupid" takes it back), and phrases for threats,
 * identity attacks, harassment and sexual harassment. Model: a logistic regression over word
 * n-grams, trained on a research corpus (toxicity.model.ts), that knows abusive wording beyond the
 * lexicon but not who it is aimed at; it counts only as far as the rules find a person addressed,
 * and not at all in game talk, a denied description, talk about insults or praise. Findings combine like
 * independent evidence: 1 - (1 - a)(1 - b)...
 */
export class OfflineToxicityAnalyser {
  private readonly quickFloor: number;

  constructor(private readonly model: ToxicityModel = defaultModel()) {
    // The integer weight sum below which the model's probability stays under MODEL_FLOOR.
    this.quickFloor = (MODEL_FLOOR_LOGIT - model.bias) / model.scale;
  }

  analyse(normalizedText: string): ToxicityResult {
    const sum = quickScan(normalizedText, this.model.weights);
    return Number.isNaN(sum) || sum >= this.quickFloor ? this.analyseFully(normalizedText) : HARMLESS;
  }

  /** The analysis without the quick scan in front; the tests compare both. */
  analyseFully(normalizedText: string): ToxicityResult {
    const whole = this.analyseText(normalizedText);
    if (whole.score <= HARMLESS_SCORE || !QUOTE_CHARS.test(normalizedText)) return whole;
    // Quoted words are reported speech: the message counts without them, plus a small share of them.
    // Quoting only ever lowers a score, so the quick scan's "harmless" stays right.
    const quotes: string[] = [];
    const outside = normalizedText.replace(QUOTED, (_, ...groups: (string | undefined)[]) => {
      quotes.push(groups.slice(0, 4).find((g) => g !== undefined) ?? '');
      return ' , ';
    });
    if (quotes.length === 0 || !REPORTING.test(outside)) return whole;
    const rest = this.analyseText(outside);
    const said = this.analyseText(quotes.join(' , '));
    const score = round(1 - (1 - rest.score) * (1 - QUOTED_SHARE * said.score));
    if (score >= whole.score) return whole;
    return rest.category || !said.category ? { ...rest, score } : { score, category: said.category, evidence: `quoted: ${said.evidence}` };
  }

  private analyseText(normalizedText: string): ToxicityResult {
    const tokens = tokenize(normalizedText);
    const words = tokens.slice();
    const infos: (WordInfo | undefined)[] = new Array<WordInfo | undefined>(words.length);
    const weights = this.model.weights;
    let sum = 0;
    let previous = START_HASH;
    let triggered = false;
    let rules = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      rules |= (RULES_BY_WORD.get(word) ?? 0) | (hasRun(word) ? (RULES_BY_SQUEEZED.get(squeeze(word)) ?? 0) : 0);
      const mention = word[0] === '@' && word.length > 1;
      let info = mention ? MENTION : lookup(word);
      // The model's features, as featureIndexes(modelTokens(tokens)) computes them, without the arrays.
      if (info?.cls !== 'profanity') {
        const h = mention ? MENTION_HASH : tokenHash(word);
        sum += weights[unigramIndex(h)]! + weights[bigramIndex(previous, h)]!;
        previous = h;
      }
      // "zero iq streamer": a low IQ is an insulting adjective, aimed like one.
      if (word === 'iq' && LOW_IQ.has(words[i - 1] ?? '')) info = LOW_IQ_INFO;
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
      if (info && QUICK.has(info.cls)) triggered = true;
    }
    const probability = sigmoid(this.model.bias + sum * this.model.scale);
    if (!triggered && rules === 0 && probability < MODEL_FLOOR) return HARMLESS;
    const joined = words.join(' ');
    const context = new Context(joined, infos);

    const found = new Findings();
    let profanity = 0;
    // The strongest aim of an insult word at a person (-1: no insult word).
    let insultAim = -1;
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
      // "the most annoying person": a superlative makes even a mild word an insult.
      const strength = SUPERLATIVES.has(words[j - 1] ?? '') ? Math.max(info.weight, 0.92) : info.weight;
      let aim = aimOf(words, infos, j, info.cls === 'insult_noun');
      // "girls can't play, they're stupid": "they" stands for the group named before.
      const groupAim = (aim < 0.9 && subjectIsThey(words, infos, j) && context.groupMentioned()) || subjectIsGroup(words, infos, j);
      if (groupAim) aim = Math.max(aim, 0.95);
      insultAim = Math.max(insultAim, aim);
      const weight = Math.min(1, strength + compound) * aim * context.insultDamping();
      if (weight >= 0.05) found.add(weight, groupAim ? 'identity_attack' : 'insult', words[j]!);
    }

    for (let i = 0; i < PHRASES.length; i++) {
      if (!(rules & (1 << i))) continue;
      const rule = PHRASES[i]!;
      const match = rule.pattern.exec(joined);
      // "go die in the lava to reset the puzzle" is advice about the game.
      if (match) found.add((rule.category === 'threat' && context.inGame()) || context.talkingAbout() ? rule.weight * 0.2 : rule.weight, rule.category, match[0]);
    }

    // The model stands in for the small swearing finding: both say "abusive words", once is enough.
    const swearing = profanity > 0 ? Math.min(0.36, 0.12 * profanity) : 0;
    // "your stupid game crashed": the model leans on the insult word the rules found aimed at a thing.
    const aimedAtThings = insultAim >= 0 && insultAim < 0.2 ? 0.2 : 1;
    const model = probability >= MODEL_FLOOR ? MODEL_WEIGHT * Math.min(1, (probability - MODEL_FLOOR) / (MODEL_FULL - MODEL_FLOOR)) * modelAim(words, infos, context) * aimedAtThings : 0;
    if (model > swearing) found.add(model, found.category ?? (context.groupIsSubject() ? 'identity_attack' : 'insult'), `model: ${strongestWord(this.model, tokens)}`);
    else if (swearing > 0) found.add(swearing, 'profanity', 'swearing');
    return { score: round(1 - found.keep), category: found.category, evidence: found.evidence };
  }
}

/** What the whole message says about its insults, each looked up once and only when needed. */
class Context {
  private talking: boolean | undefined;
  private game: boolean | undefined;
  private fiction: boolean | undefined;
  private group: boolean | undefined;
  private groupSubject: boolean | undefined;

  constructor(
    private readonly joined: string,
    private readonly infos: readonly (WordInfo | undefined)[],
  ) {}

  /** "don't call people idiots", "someone called the streamer a clown": talk about insults, not insults. */
  talkingAbout(): boolean {
    this.talking ??= TALKING_ABOUT.test(this.joined);
    return this.talking;
  }

  inGame(): boolean {
    this.game ??= GAME_CONTEXT.test(this.joined);
    return this.game;
  }

  /** "he's so dumb in this cutscene": said of a character, unless the message also speaks to someone. */
  aboutFiction(): boolean {
    this.fiction ??= !this.infos.some((info) => info?.cls === 'second' || info?.cls === 'possessive') && FICTION_CONTEXT.test(this.joined);
    return this.fiction;
  }

  groupMentioned(): boolean {
    this.group ??= GROUP_MENTION.test(this.joined);
    return this.group;
  }

  groupIsSubject(): boolean {
    this.groupSubject ??= this.groupMentioned() && GROUP_SUBJECT.test(this.joined);
    return this.groupSubject;
  }

  insultDamping(): number {
    return this.talkingAbout() ? 0.15 : this.aboutFiction() ? 0.3 : 1;
  }
}

// The model's probability below which it adds nothing, the probability from which it counts in full,
// and its largest share of the score. On its own it is a weak judge of who is meant, so its finding
// is scaled by the rules' aim (modelAim). The ramp's top was chosen on the development split of the
// chat messages once hand-written chat joined the training data: with a ramp to 1.0 most abuse the
// model was sure of (p 0.8-0.93) stayed under the threshold. Dev chat, precision / recall: top 1.0
// 0.929 / 0.621, 0.85 0.937 / 0.779; after the second batch of chat, 0.85 0.938 / 0.734, 0.75
// 0.938 / 0.782, 0.7 0.933 / 0.802 (0.7 cost precision on seen sets, so 0.75).
const MODEL_FLOOR = 0.6;
const MODEL_FLOOR_LOGIT = Math.log(MODEL_FLOOR / (1 - MODEL_FLOOR));
const MODEL_FULL = 0.75;
const MODEL_WEIGHT = 0.9;
// Words of praise that make "you fucking legend" banter, whatever the model thinks of "fucking".
const PRAISE: ReadonlySet<string> = new Set(
  'legend legends goat goated king queen god beast monster machine wizard unit madlad madman menace animal genius hero champ cracked insane sick nuts crazy best amazing awesome love gg congrats'.split(' '),
);
// Verbs that, first in a message, give an order to the reader.
const IMPERATIVES: ReadonlySet<string> = new Set(
  'go get delete quit leave end stop log uninstall touch do come hop move find learn crawl drop sit take give jump eat drink cry keep'.split(' '),
);
// Negations of a description ("is not", "isn't"), as opposed to "no one", "never", "don't".
const DENIALS: ReadonlySet<string> = new Set(['not', 'isnt', 'arent', 'aint', 'wasnt', 'werent', 'nt']);
const SUPERLATIVES: ReadonlySet<string> = new Set(['most', 'biggest']);
const LOW_IQ: ReadonlySet<string> = new Set(['zero', '0', 'no', 'negative', 'low']);
const LOW_IQ_INFO: WordInfo = { cls: 'insult_adj', weight: 0.92 };

/**
 * How squarely the message as a whole speaks to or about people (0..1), for the model's finding:
 * it needs someone addressed or named, and counts little in game talk, talk about insults, praise
 * and a denied description ("you're not bad", "he isn't a loser"). Other negations are often the
 * abuse itself ("nobody likes you", "never come back", "you don't belong here").
 */
function modelAim(words: readonly string[], infos: readonly (WordInfo | undefined)[], context: Context): number {
  let aim = 0;
  let denied = false;
  let praised = false;
  let addressed = false;
  for (let i = 0; i < words.length; i++) {
    const info = infos[i];
    // "you're the shit": swearing after "the" is praise.
    if (PRAISE.has(words[i]!) || (info?.cls === 'profanity' && words[i - 1] === 'the')) praised = true;
    if (DENIALS.has(words[i]!)) denied = true;
    switch (info?.cls) {
      case 'second':
      case 'possessive':
        addressed = true;
        aim = Math.max(aim, info.weight);
        break;
      case 'third':
        aim = Math.max(aim, info.weight);
        break;
      case 'person':
        if (!namesThing(words, i)) aim = Math.max(aim, info.weight);
        break;
    }
  }
  if (context.groupIsSubject()) aim = Math.max(aim, 0.9);
  // "go find another community to ruin", "delete twitch": an order speaks to whoever reads it.
  const first = words.findIndex((word) => word[0] !== '@');
  if (first !== -1 && IMPERATIVES.has(words[first]!)) aim = Math.max(aim, 0.8);
  // "i'm so dumb": the speaker talks about themselves.
  if (infos[0]?.cls === 'self' && !addressed) aim *= 0.3;
  const offTopic = context.talkingAbout() || context.inGame() || context.aboutFiction();
  return offTopic || praised || denied ? aim * 0.2 : aim;
}

// The word the model leans on most, for the moderation log.
function strongestWord(model: ToxicityModel, allTokens: readonly string[]): string {
  const tokens = modelTokens(allTokens);
  const features = featureIndexes(tokens);
  let best = 0;
  let word = '';
  for (let i = 0; i < tokens.length; i++) {
    const weight = model.weights[features[2 * i]!]! + model.weights[features[2 * i + 1]!]!;
    if (weight > best) {
      best = weight;
      word = tokens[i]!;
    }
  }
  return word.startsWith('@') ? '@mention' : word;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;
const HASH_MASK = 0x3fffffff;
// Words the rules react to by themselves (phrase cues only matter through their rule's anchors).
const QUICK: ReadonlySet<WordClass> = new Set(['insult_noun', 'insult_adj', 'slur', 'profanity']);
const QUICK_WORDS = [...wordsOf(QUICK), ...PHRASE_RULES.flatMap((rule) => [...rule.anchors]), ...VARIANTS.keys(), 'iq'];
// A word is looked up as it is; one with repeated letters also squeezed ("stuuupid", "asss").
const EXACT_HASHES: ReadonlySet<number> = new Set(QUICK_WORDS.map((word) => tokenHash(word) & HASH_MASK));
const SQUEEZED_HASHES: ReadonlySet<number> = new Set(QUICK_WORDS.map(squeezedHash));

function squeezedHash(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) if (i === 0 || word.charCodeAt(i) !== word.charCodeAt(i - 1)) h = hashStep(h, word.charCodeAt(i), 1);
  return h & HASH_MASK;
}

/**
 * The quick scan: one pass over the characters that splits words exactly as `tokenize` does for
 * plain text, hashes each word (no strings made), checks it against every word the rules react to,
 * and adds up the model's weights for its unigram and bigram. Returns that sum (in weight units),
 * or NaN when the rules might find something or the text is unusual (leetspeak, masking, spelled-out
 * letters, glued words, capitals, other scripts) and needs the full analysis. A hash collision with
 * a rule word only costs a full analysis; a test holds the sum to the full analysis's.
 */
export function quickScan(text: string, weights: Int8Array): number {
  let sum = 0;
  let previous = START_HASH;
  let squeezed = HASH_START;
  let exact = HASH_START;
  let length = 0;
  let run = 0;
  let repeated = false;
  let last = -1;
  let first = -1;
  // Where the word's letters begin and end (edge characters after them are not part of it).
  let start = 0;
  let end = 0;
  let letters = false;
  let digits = false;
  // A special character ($ @ ! * # |) after the word's letters: more letters after it is leetspeak.
  let closed = false;
  // Inside a run of token characters: an @ there is leetspeak or junk, not the start of a mention.
  let inToken = false;
  let singles = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const letter = code >= 97 && code <= 122;
    if (letter || (code >= 48 && code <= 57)) {
      if (closed) return NaN;
      inToken = true;
      if (length === 0) {
        first = code;
        start = i;
      }
      end = i + 1;
      if (letter) letters = true;
      else digits = true;
      run = code === last ? run + 1 : 1;
      if (run === 1) squeezed = hashStep(squeezed, code, 1);
      else repeated = true;
      exact = hashStep(exact, code, run);
      last = code;
      length++;
      continue;
    }
    // Apostrophes vanish inside words ("you're" is "youre").
    if (code === 39 || code === 0x2019) {
      inToken = true;
      continue;
    }
    if (code === 36 || code === 33 || code === 42 || code === 35 || code === 124 || code === 64) {
      // "@name" starts a mention: one token, whatever the name.
      if (code === 64 && !inToken && i + 1 < text.length && isMentionCode(text.charCodeAt(i + 1))) {
        let end = i + 1;
        while (end < text.length && isMentionCode(text.charCodeAt(end))) end++;
        const after = end < text.length ? text.charCodeAt(end) : 32;
        if (isTokenCode(after) || (after >= 65 && after <= 90) || after >= 0x80) return NaN;
        sum += weights[unigramIndex(MENTION_HASH)]! + weights[bigramIndex(previous, MENTION_HASH)]!;
        previous = MENTION_HASH;
        singles = 0;
        i = end - 1;
        continue;
      }
      // Edge characters are dropped ("gg!!", "!uptime", "*sigh*"); ones inside a word are not.
      if (length > 0) closed = true;
      inToken = true;
      continue;
    }
    if ((code >= 65 && code <= 90) || (code >= 0x80 && isLetterOrDigit(text, i))) return NaN;
    if (length > 0) {
      if (letters && digits) return NaN;
      if (EXACT_HASHES.has(exact & HASH_MASK) || (repeated && SQUEEZED_HASHES.has(squeezed & HASH_MASK))) return NaN;
      // "urstupid", "youidiot": a target glued to an insult ("update", "yikes" are words of their own).
      if (length >= 5 && (first === 117 || first === 121) && splitGlued(text.slice(start, end).replace(APOSTROPHES, ''))) return NaN;
      singles = length === 1 && letters ? singles + 1 : 0;
      if (singles >= 3) return NaN;
      sum += weights[unigramIndex(exact)]! + weights[bigramIndex(previous, exact)]!;
      previous = exact;
    }
    squeezed = exact = HASH_START;
    length = run = 0;
    last = first = -1;
    letters = digits = closed = inToken = repeated = false;
  }
  return sum;
}

const APOSTROPHES = /['’]/g;

function isLetterOrDigit(text: string, i: number): boolean {
  LETTER_OR_DIGIT.lastIndex = i;
  return LETTER_OR_DIGIT.test(text);
}

// Characters a token is made of (besides letters and digits of other scripts).
function isTokenCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 36 || code === 64 || code === 33 || code === 42 || code === 35 || code === 124 || code === 39 || code === 0x2019;
}

function isMentionCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
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
  // "your stupid game", "stupid boss": the adjective describes the thing that follows ("so ugly it
  // hurts" does not, and "you ugly goblin" calls the person one).
  if (!isNoun && next?.cls === 'object' && words[j + 1] !== 'it' && infos[j - 1]?.cls !== 'second') return 0.1;
  // "trash talk", "garbage truck", "the idiot box": the word is part of a compound naming a thing.
  if (COMPOUND_HEADS.has(words[j + 1] ?? '')) return 0.1;
  // "you're filthy with that aim": gamer praise.
  if (!isNoun && PRAISED_WITH.has(words[j]!) && words[j + 1] === 'with') return 0.1;
  // "you're far from useless", "anything but stupid": the insult is denied.
  if ((words[j - 1] === 'from' && words[j - 2] === 'far') || (words[j - 1] === 'but' && words[j - 2] === 'anything')) return 0.1;
  // "nobody is as stupid as you", "dumber than him": the comparison names the target, whatever the subject.
  const compared = infos[j + 2]?.cls;
  if ((words[j + 1] === 'as' || words[j + 1] === 'than') && (compared === 'second' || compared === 'third' || compared === 'person')) return infos[j + 2]!.weight;
  // "imagine paying for this clown": a demonstrative points at someone present.
  if (isNoun && (words[j - 1] === 'this' || words[j - 1] === 'that') && next?.cls !== 'object') return 0.9;
  let aim = -1;
  let negated = false;
  let copula = false;
  let skippedUnknown = false;
  let self = false;
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
        // "the build you're using is stupid": a thing before "you" is the subject of a relative clause.
        aim = copula && infos[i - 1]?.cls === 'object' && !isNoun ? 0.1 : info.weight;
        break;
      case 'third':
        aim = info.weight;
        break;
      case 'insult_noun':
        // "that npc is a moron": an npc or a bot is a thing, not a person.
        aim = NOT_PEOPLE.has(words[i]!) ? (copula ? 0.1 : 0) : isNoun ? 0.8 : 0.35;
        break;
      case 'person':
        // "your mom is a ...": an insult to someone's family is aimed at them; "the ai teammates" are not people.
        aim = infos[i - 1]?.cls === 'possessive' ? 1 : namesThing(words, i) ? (copula ? 0.1 : 0) : info.weight;
        break;
      case 'object':
        // "it is stupid" has the thing as its subject; in "suck it loser" the clause ends at "it".
        aim = copula ? 0.1 : 0;
        break;
      case 'body': {
        // "your face is disgusting" insults you; "the boss's face" does not.
        const owner = infos[i - 1]?.cls;
        aim = owner === 'possessive' || owner === 'second' ? 1 : owner === 'third' ? 0.9 : 0.3;
        break;
      }
      case 'self':
        aim = 0.05;
        self = true;
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
  // "stupid streamer", "idiot mods", "pathetic little man": the person follows (not in "i'm the dumbest person alive").
  if (!self && next && (next.cls === 'second' || next.cls === 'person')) aim = Math.max(aim, next.weight);
  return negated ? aim * 0.15 : aim;
}

// "the ai teammates", "the chat bot": a noun for people that is part of a name for a thing.
function namesThing(words: readonly string[], i: number): boolean {
  return NOT_PEOPLE.has(words[i - 1] ?? '') || NOT_PEOPLE.has(words[i + 1] ?? '');
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
