// The fake's stand-in for Perspective's models: a few words, each with the scores a message
// containing it gets. Clean text gets the low baseline the real API gives ordinary sentences.

export type Scores = Partial<Record<string, number>>;

export const BASELINE = 0.03;

export const WORD_SCORES: Record<string, Scores> = {
  idiot: { TOXICITY: 0.92, SEVERE_TOXICITY: 0.41, INSULT: 0.93, PROFANITY: 0.2 },
  moron: { TOXICITY: 0.9, SEVERE_TOXICITY: 0.38, INSULT: 0.91 },
  pathetic: { TOXICITY: 0.81, INSULT: 0.84 },
  worthless: { TOXICITY: 0.84, INSULT: 0.86 },
  hurt: { TOXICITY: 0.62, THREAT: 0.88 },
  kill: { TOXICITY: 0.79, SEVERE_TOXICITY: 0.52, THREAT: 0.94 },
  vermin: { TOXICITY: 0.87, IDENTITY_ATTACK: 0.9, INSULT: 0.7 },
  nudes: { TOXICITY: 0.66, SEXUALLY_EXPLICIT: 0.91, FLIRTATION: 0.8 },
  shit: { TOXICITY: 0.7, PROFANITY: 0.9 },
};

/** Each attribute's score for `text`: the highest of its words', or the baseline. */
export function scoreByWords(text: string, attributes: readonly string[]): Record<string, number> {
  const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const out: Record<string, number> = {};
  for (const attribute of attributes) {
    let score = BASELINE;
    for (const word of words) score = Math.max(score, WORD_SCORES[word]?.[attribute] ?? 0);
    out[attribute] = score;
  }
  return out;
}
