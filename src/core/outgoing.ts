/** Twitch's limit on one chat message, in characters (code points). */
export const MAX_MESSAGE_LENGTH = 500;

// Control characters (C0, DEL, C1) never belong in a chat line; CR/LF would end the IRC line early.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * Makes text safe to send as one chat message: no line breaks or control characters, at most 500
 * characters, and never read by Twitch as a chat command (a leading `/` or `.`), so that text a
 * viewer controls cannot turn into `/ban someone`.
 */
export function sanitizeOutgoing(text: string): string {
  let clean = text.replace(CONTROL, ' ').trim();
  if (clean.startsWith('/') || clean.startsWith('.')) clean = `\u200b${clean}`;
  if (clean.length > MAX_MESSAGE_LENGTH) {
    const points = Array.from(clean);
    if (points.length > MAX_MESSAGE_LENGTH) clean = `${points.slice(0, MAX_MESSAGE_LENGTH - 1).join('')}…`;
  }
  return clean;
}
