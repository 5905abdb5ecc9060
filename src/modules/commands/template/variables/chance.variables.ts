import type { VariableDefinition } from '../template.types.ts';

/** Picks one recent chatter of a channel. */
export interface ChatterPicker {
  pick(channel: string, random: () => number): string | undefined;
}

const RANGE = /^(-?\d{1,9})\s*-\s*(-?\d{1,9})$/;
const SINGLE = /^\d{1,9}$/;

/** The inclusive range `$(random)` draws from, or undefined when the argument is not one. */
export function parseRange(arg: string): { min: number; max: number } | undefined {
  if (arg === '') return { min: 1, max: 100 };
  if (SINGLE.test(arg)) return Number(arg) >= 1 ? { min: 1, max: Number(arg) } : undefined;
  const match = RANGE.exec(arg);
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/** `$(random)`, `$(pick)`, `$(randomuser)`. */
export function chanceVariables(deps: { chatters: ChatterPicker; random: () => number }): VariableDefinition[] {
  const { random } = deps;
  return [
    {
      name: 'random',
      category: 'chance',
      description: 'A whole number in a range (both ends included); 1-100 without an argument, 1-N with one number.',
      usage: '$(random 1-100)',
      example: { template: '$(user) is $(random 1-100)% cool', output: 'Alice is 42% cool' },
      check: (arg) => (parseRange(arg) ? undefined : `"${arg}" is not a range like 1-100`),
      run: (arg) => {
        const range = parseRange(arg);
        if (!range) return '(random needs a range like 1-100)';
        return String(range.min + Math.floor(random() * (range.max - range.min + 1)));
      },
    },
    {
      name: 'pick',
      category: 'chance',
      description: 'One of the choices separated by |, at random.',
      usage: '$(pick heads|tails)',
      example: { template: 'The coin says $(pick heads|tails)', output: 'The coin says tails' },
      check: (arg) => (arg.split('|').some((c) => c.trim()) ? undefined : 'needs choices separated by |, like a|b|c'),
      run: (arg) => {
        const choices = arg.split('|').map((c) => c.trim()).filter((c) => c.length > 0);
        return choices[Math.floor(random() * choices.length)] ?? '';
      },
    },
    {
      name: 'randomuser',
      category: 'chance',
      description: 'Someone who chatted in the last 15 minutes, at random (the caller when nobody did).',
      usage: '$(randomuser)',
      example: { template: '$(user) throws a pie at $(randomuser)', output: 'Alice throws a pie at bob' },
      run: (_arg, ctx) => deps.chatters.pick(ctx.channel, random) ?? ctx.user.displayName,
    },
  ];
}
