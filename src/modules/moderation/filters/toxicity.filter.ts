import type { ModerationSettings } from '../moderation.settings.ts';
import { exemptMaskOf, type MessageFilter } from '../moderation.types.ts';
import type { ToxicityResult } from '../toxicity/offline.analyser.ts';

/** Scores a normalised message; the offline analyser by default. */
export interface ToxicityScorer {
  analyse(normalizedText: string): ToxicityResult;
}

/**
 * Toxicity at or above the channel's threshold (a lower one for first messages in the strict
 * profile). A score computed ahead (by an outside provider) takes the analyser's place.
 */
export function toxicityFilter(settings: ModerationSettings['toxicity'], firstMessageThreshold: number, scorer: ToxicityScorer): MessageFilter | null {
  if (!settings.enabled) return null;
  return {
    rule: 'toxicity',
    exemptMask: exemptMaskOf(settings.exempt),
    action: settings.action,
    check({ text, strict, toxicity }) {
      const result = toxicity ?? scorer.analyse(text);
      const threshold = strict ? Math.min(settings.threshold, firstMessageThreshold) : settings.threshold;
      if (result.score < threshold) return null;
      return { detail: `${result.category ?? 'toxic'} (${result.score.toFixed(2)}): ${(result.evidence ?? '').slice(0, 60)}`, score: result.score };
    },
  };
}
