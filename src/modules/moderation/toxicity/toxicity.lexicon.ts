// The offline analyser's vocabulary. Words are in their normalised form (lowercase, no apostrophes);
// the analyser also looks words up with repeated letters squeezed, so "stuuupid" finds "stupid".

/** How a word takes part in the analysis. */
export type WordClass =
  /** A word that calls a person something (idiot, loser); `weight` is how strong an insult it is. */
  | 'insult_noun'
  /** A word that describes a person insultingly (stupid, ugly). */
  | 'insult_adj'
  /** A slur against a group: toxic whoever it is aimed at. */
  | 'slur'
  /** Swearing that is not aimed at anyone by itself. */
  | 'profanity'
  /** The person spoken to: you, u, @name. */
  | 'second'
  /** your / ur / you're: the person spoken to, or something of theirs. */
  | 'possessive'
  /** he, she, they: a person spoken about. */
  | 'third'
  /** A noun for people (streamer, mods, guy, mom). */
  | 'person'
  /** A noun for things (boss, game, map): an insult aimed at them is not toxic. */
  | 'object'
  /** A part or trait of a person (face, voice): insulting yours insults you, a character's does not. */
  | 'body'
  /** The speaker: "I'm so stupid" is not toxic. */
  | 'self'
  /** Words that may stand between a target and an insult: "you are such a fucking idiot". */
  | 'glue'
  /** Words that turn the insult around: "you are not stupid". */
  | 'negation'
  /** Words that only matter as part of a phrase rule (kill, die, nudes, hate, ...). */
  | 'cue';

export interface WordInfo {
  cls: WordClass;
  weight: number;
}

const lexicon = new Map<string, WordInfo>();

function add(cls: WordClass, weight: number, words: string): void {
  for (const word of words.trim().split(/\s+/)) {
    // A word has one class; a second listing would silently override the first.
    if (lexicon.has(word)) throw new Error(`toxicity lexicon lists "${word}" twice`);
    lexicon.set(word, { cls, weight });
  }
}

add('insult_noun', 0.95, `idiot idiots moron morons imbecile imbeciles cretin cretins dumbass dumbasses jackass jackasses asshole assholes arsehole
  arseholes dickhead dickheads douchebag douchebags dipshit dipshits shithead shitheads fuckface fucker fuckers motherfucker motherfuckers
  cunt cunts twat twats scumbag scumbags retard retards tard tards loser losers wanker wankers tosser tossers bellend knobhead
  pedo pedophile paedo paedophile nonce groomer subhuman degenerate degenerates spastic spaz mongoloid halfwit dimwit nitwit numbskull
  dumbfuck fucktard shitstain cocksucker fuckbrain fuckwit shitbrain dickwad dickweed asswipe butthead`);
add('insult_noun', 0.85, `bitch bitches prick pricks bastard bastards scum clown clowns dogshit failure disgrace embarrassment waste virgin incel
  thug thugs neckbeard whore whores slut sluts skank skanks hoe hoes thot thots fatass lardass fatso freak freaks creep creeps weirdo weirdos psycho
  parasite parasites leech leeches rat rats snake coward cowards fraud pig pigs buffoon dunce dolt bonehead meathead airhead dumbo
  pillock plonker muppet numpty douche joke cuck cucks simp simps troglodyte caveman sheep vermin cockroach maggot dick dicks pussy pussies jerk slag punk dweeb donkey hick hicks redneck rednecks tool tools crybaby`);
add('insult_noun', 0.6, `noob noobs nerd dork geek bozo scrub scrubs pleb plebs peasant peasants goon npc bot bots`);
add('insult_adj', 0.92, `inbred stupid stupidest dumb dumber dumbest idiotic moronic retarded braindead brainless ugly uglier ugliest fat disgusting pathetic
  worthless useless incompetent mentally deformed autistic stoopid stoopit stupit`);
add('insult_adj', 0.85, `trash garbage hopeless clueless mindless gross filthy smelly stinky repulsive vile trashy hideous obese
  delusional ignorant dense spineless greedy`);
add('insult_adj', 0.8, `worst`);
add('insult_adj', 0.8, `gay`);
add('insult_adj', 0.55, `shitty lousy rude annoying cringe cringy cringey lame toxic weird sad bad terrible awful horrible boring`);
add('slur', 0.97, `nigger niggers nigga niggas niggaz negroid faggot faggots fag fags kike kikes chink chinks spic spics wetback wetbacks
  tranny trannies raghead ragheads towelhead towelheads gook gooks beaner beaners coon coons dyke dykes shemale sandnigger
  chingchong ching darkie darkies jigaboo porchmonkey junglebunny faggit fagit paki pakis`);
add('profanity', 0.12, `fuck fucking fuckin fking fkn fk fucked shit bullshit crap damn dammit goddamn ass arse piss pissed bloody hell
  wtf omfg ffs cock tits boobs titties bollocks bugger`);
add('second', 1, `you u ya ye yu yall youall thou yourself urself yourselves youll youd youve ure ud uve ull`);
// "imagine being this bad": Twitch's way of telling someone they are.
add('second', 0.9, `imagine`);
add('possessive', 1, `your ur youre yours`);
add('third', 0.9, `he she him her his hes shes`);
add('third', 0.7, `they them theyre`);
add('person', 0.95, `streamer streamers mod mods moderator moderators chat chatters viewer viewers host`);
add('person', 0.85, `guy guys dude dudes kid kids boy girl man woman bro person people player players teammate teammates team opponent
  opponents mom mum mother dad father sister brother family wife gf girlfriend bf boyfriend son daughter fan fans subs caster casters
  ref referee dev devs developers everyone everybody lady ladies mate fella homie fam friend friends buddy human humans someone somebody`);
add('object', 1, `game games boss bosses level levels map maps patch update ui quest quests puzzle puzzles mechanic mechanics rng camera
  controls control ai npcs enemy enemies weapon weapons gun guns build builds item items loot server servers lag matchmaking design
  story ending movie song music graphics physics hitbox hitboxes spawn meta nerf buff character characters champ champion hero skin mode
  round match run move plan idea question take opinion rule rules law car traffic weather computer pc keyboard mouse internet wifi phone
  code bug bugs thing things stuff it everything dlc sequel chapter part season episode
  series book film trailer video clip stream streams content setup cam mic audio chair desk room house food pizza aim shot shots
  play plays decision decisions strat strategy comp loadout kit queue lobby ranked timer time luck
  villain villains protagonist antagonist mc zombie zombies monster monsters goblin goblins dragon dragons demon demons creature
  creatures mob mobs minion minions cutscene cutscenes tutorial dog dogs cat cats pet pets puppy kitten hamster parrot`);
add('body', 1, `face voice breath body brain head laugh personality hair teeth nose`);
add('self', 1, `i im me myself my mine ive id ill`);
add('glue', 1, `is are r re am was were be been being a an the so such really very real freaking frickin effing
  absolutely absolute complete completely total totally utter utterly actual actually literal literally just big huge massive little lil
  pure straight truly genuinely honestly kinda kind sort of like look looks looking sound sounds acting act one biggest most
  this that these those nothing but must should and`);
add('negation', 1, `not never no isnt arent aint wasnt werent dont doesnt didnt nt nor hardly`);
add('cue', 1, `kill killing murder stab shoot hurt beat find rape raping dox doxx swat strangle choke punch slap hunt behead die dies dying dead
  death suck sucks sucked shut stfu gtfo kys kms neck hang unalive bleach nudes noods pics feet hate hates country kitchen cancer
  send show sit horny sexy hot thicc fuckable lick grope touch bang smash naked clothes strip heil hitler gas deport
  exterminate sieg 1488 quit uninstall cares likes asked cry cope seethe f screw bite bend sex wrong piece`);

/** Nouns for groups of people: an insult with one of them as its subject is an identity attack. */
export const GROUP_WORDS: ReadonlySet<string> = new Set(
  `women girls females gays lesbians blacks jews muslims arabs mexicans asians immigrants refugees trannies feminists christians
  atheists whites africans latinos hispanics foreigners homosexuals queers koreans russians ukrainians poles gypsies`.split(/\s+/),
);
for (const word of GROUP_WORDS) if (!lexicon.has(word)) lexicon.set(word, { cls: 'person', weight: 0.95 });

/** The lexicon's words of the given classes, for building quick checks. */
export function wordsOf(classes: ReadonlySet<WordClass>): string[] {
  return [...lexicon].filter(([, info]) => classes.has(info.cls)).map(([word]) => word);
}

/**
 * Looks a normalised word up. A word with repeated letters is also tried squeezed ("stuuupid"), and
 * against squeezed entries ("asss" finds "ass"); a word without repeats never is ("as" is not "ass").
 */
export function lookup(word: string): WordInfo | undefined {
  const found = lexicon.get(word);
  if (found || !hasRun(word)) return found;
  const short = squeeze(word);
  return lexicon.get(short) ?? squeezedLexicon.get(short);
}

/** True when some character directly repeats ("stuuupid", "all"). */
export function hasRun(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/** Cuts every run of one character to a single one ("stuuupid" -> "stupid", "ass" -> "as"). */
export function squeeze(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (i === 0 || word.charCodeAt(i) !== word.charCodeAt(i - 1)) out += word[i];
  return out;
}

// Only words that carry weight get a squeezed entry: "as" must not find "ass".
const squeezedLexicon = new Map<string, WordInfo>();
for (const [word, info] of lexicon) {
  if (info.cls === 'insult_noun' || info.cls === 'insult_adj' || info.cls === 'slur' || info.cls === 'profanity') {
    const short = squeeze(word);
    if (short !== word && !lexicon.has(short)) squeezedLexicon.set(short, info);
  }
}

/** Groups that identity attacks name. */
export const GROUPS =
  'women|woman|girls|females|female|gays|gay people|gay men|lesbians|lesbian|blacks|black people|jews|jew|jewish people|muslims|muslim|' +
  'arabs|mexicans|asians|chinese|chinese people|indians|immigrants|refugees|trans people|transgender people|trans women|trans|transgenders|' +
  'trannies|feminists|christians|atheists|whites|white people|africans|latinos|hispanics|foreigners|disabled people|autistic people|' +
  'homosexuals|queers|lgbt people|lgbtq people|koreans|japanese|russians|ukrainians|poles|gypsies|roma|brazilians|americans|europeans';
