// Perspective API's wire format (AnalyzeComment, v1alpha1; conversationai/perspectiveapi 2-api/methods.md,
// 2-api/models.md, 2-api/limits.md): the request we send, the answer and the error as validated on
// arrival, and the one mapping into our own ToxicityResult.
import { z } from 'zod';
import type { ToxicityCategory, ToxicityResult } from './offline.analyser.ts';

/** Path of AnalyzeComment under the API's base URL. */
export const ANALYZE_PATH = '/v1alpha1/comments:analyze';

/** "The maximum text size per request is 3000 bytes." */
export const MAX_COMMENT_BYTES = 3000;

// TOXICITY is the score; the others only name the category. SEVERE_TOXICITY and PROFANITY are not
// requested because nothing here would use them.
const CATEGORY_OF = {
  INSULT: 'insult',
  THREAT: 'threat',
  IDENTITY_ATTACK: 'identity_attack',
  SEXUALLY_EXPLICIT: 'sexual_harassment',
} as const satisfies Record<string, ToxicityCategory>;
type CategoryAttribute = keyof typeof CATEGORY_OF;

/** The attributes requested for every comment. All of them support English. */
export const REQUESTED_ATTRIBUTES = ['TOXICITY', ...(Object.keys(CATEGORY_OF) as CategoryAttribute[])] as const;

/** A category attribute below this (a probability) is not worth naming. */
const CATEGORY_MIN = 0.5;

export interface AnalyzeCommentRequest {
  comment: { text: string };
  requestedAttributes: Record<string, Record<string, never>>;
  languages: string[];
  doNotStore: boolean;
}

/**
 * The request body for one chat message. English is stated rather than auto-detected: detection
 * fails on short chat lines ("yo hamburger" reads as Turkish) and the experimental attributes exist
 * for English only. `doNotStore` because chat messages are not ours to donate.
 */
export function analyzeCommentRequest(text: string): AnalyzeCommentRequest {
  return {
    comment: { text },
    requestedAttributes: Object.fromEntries(REQUESTED_ATTRIBUTES.map((name) => [name, {}])),
    languages: ['en'],
    doNotStore: true,
  };
}

const attributeScore = z.object({
  summaryScore: z.object({ value: z.number().min(0).max(1) }),
});

/** An AnalyzeComment answer: the attributes mirror the request, each with one summary score. */
export const analyzeCommentResponse = z.object({
  attributeScores: z.object({
    TOXICITY: attributeScore,
    INSULT: attributeScore.optional(),
    THREAT: attributeScore.optional(),
    IDENTITY_ATTACK: attributeScore.optional(),
    SEXUALLY_EXPLICIT: attributeScore.optional(),
  }),
});
export type AnalyzeCommentResponse = z.infer<typeof analyzeCommentResponse>;

/** Google APIs' error body: `{"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT", "details": [...]}}`. */
export const googleError = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ reason: z.string().optional() })).optional(),
  }),
});
export type GoogleError = z.infer<typeof googleError>['error'];

/**
 * The score is TOXICITY alone: it is Perspective's one production attribute among these, the one
 * its documentation scores comments by, and the only one calibrated against our threshold's
 * meaning. The others are experimental and narrower (SEXUALLY_EXPLICIT rates lewdness, not abuse);
 * taking the maximum of five noisy probabilities would raise every score and with it the false
 * positives. They name the category instead, for the log and the moderator.
 */
export function toToxicityResult(answer: AnalyzeCommentResponse): ToxicityResult {
  const scores = answer.attributeScores;
  const toxicity = scores.TOXICITY.summaryScore.value;
  let strongest: CategoryAttribute | null = null;
  let strongestValue = CATEGORY_MIN;
  for (const name of Object.keys(CATEGORY_OF) as CategoryAttribute[]) {
    const value = scores[name]?.summaryScore.value;
    if (value !== undefined && value >= strongestValue) {
      strongest = name;
      strongestValue = value;
    }
  }
  return {
    score: toxicity,
    category: strongest ? CATEGORY_OF[strongest] : null,
    evidence: strongest ? `perspective: ${strongest} ${strongestValue.toFixed(2)}` : `perspective: TOXICITY ${toxicity.toFixed(2)}`,
  };
}
