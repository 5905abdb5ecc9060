/** Limits that keep templates cheap to parse and expand whoever writes them. */
export const TEMPLATE_LIMITS = {
  /** Characters of template text (Twitch's message limit: a longer template could never be sent whole). */
  maxLength: 500,
  /** `$(a $(b $(c $(d))))` is 4 deep. */
  maxDepth: 4,
  maxVariables: 25,
  /** Characters of one expansion, in code points; the message is cut cleanly beyond it. */
  maxOutput: 500,
} as const;

// Past this many UTF-16 units of output nothing more can be shown, so the rest is not expanded (no I/O wasted).
export const EXPANSION_HARD_STOP = TEMPLATE_LIMITS.maxOutput * 4;
