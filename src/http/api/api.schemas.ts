import { z } from 'zod';

/** A Twitch login as it appears in a path: 1-25 letters, digits or `_`, any case. */
export const twitchLogin = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,25}$/, 'a Twitch login')
  .transform((v) => v.toLowerCase());

export const channelParams = z.object({ channel: twitchLogin });
