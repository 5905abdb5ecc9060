/** Reading HTTP input: zod schemas whose failures become InputError (400 with a message naming the field). */
import { z } from 'zod';
import { InputError } from './sandbox.errors.ts';
import { normalizeLogin } from './users.registry.ts';

/** A channel or user login, with or without '#', any case; normalized to Twitch's lower-case login. */
export const login = z
  .string()
  .transform(normalizeLogin)
  .pipe(z.string({ error: 'must be a Twitch login (letters, digits, _; at most 25)' }));

export function parseInput<T>(schema: z.ZodType<T>, data: unknown, where: string): T {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`).join('; '));
}

/** Every value of a query parameter that may repeat (`?id=1&id=2`). */
export function queryList(query: unknown, key: string): string[] {
  const value = (query as Record<string, unknown> | undefined)?.[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String).filter((v) => v !== '');
}

export function queryValue(query: unknown, key: string): string | undefined {
  return queryList(query, key)[0];
}
