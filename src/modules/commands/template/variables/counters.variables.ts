import type { VariableDefinition } from '../template.types.ts';

/** Named counters of a channel, e.g. deaths. */
export interface CounterStore {
  get(channel: string, name: string): Promise<number>;
  add(channel: string, name: string, delta: number): Promise<number>;
  set(channel: string, name: string, value: number): Promise<number>;
}

/** A counter name: letters, digits, `_` or `-`, 1-32 characters, case-insensitive. */
export const COUNTER_NAME = /^[a-z0-9_-]{1,32}$/;
const MAX_STEP = 1_000_000;
const MAX_VALUE = 1_000_000_000;

export type CounterOperation = { name: string; op: 'get' } | { name: string; op: 'add'; delta: number } | { name: string; op: 'set'; value: number };

/** `deaths`, `deaths +1`, `deaths -2`, `deaths set 5`; undefined when it is none of these. */
export function parseCounterOperation(arg: string): CounterOperation | undefined {
  const [rawName, first, second, ...rest] = arg.trim().split(/\s+/);
  const name = (rawName ?? '').toLowerCase();
  if (!COUNTER_NAME.test(name) || rest.length > 0) return undefined;
  if (first === undefined) return { name, op: 'get' };
  if (first === 'set' && second !== undefined && /^-?\d{1,10}$/.test(second) && Math.abs(Number(second)) <= MAX_VALUE) {
    return { name, op: 'set', value: Number(second) };
  }
  if (second === undefined && /^[+-]\d{1,7}$/.test(first) && Math.abs(Number(first)) <= MAX_STEP) return { name, op: 'add', delta: Number(first) };
  return undefined;
}

/** `$(count)` and `$(counter name [+1|-1|set N])`. */
export function counterVariables(deps: { counters: CounterStore }): VariableDefinition[] {
  return [
    {
      name: 'count',
      category: 'counters',
      description: 'How many times this command has been used, this use included.',
      usage: '$(count)',
      example: { template: 'This command ran $(count) times', output: 'This command ran 42 times' },
      run: (_arg, ctx) => String(ctx.count ?? 0),
    },
    {
      name: 'counter',
      category: 'counters',
      description: 'A named counter of the channel: shows it, adds to it (+1, -1) or sets it (set 5), then shows the new value.',
      usage: '$(counter deaths +1)',
      example: { template: 'Deaths: $(counter deaths +1)', output: 'Deaths: 13' },
      check: (arg) => (parseCounterOperation(arg) ? undefined : `"${arg}" is not a counter use like "deaths", "deaths +1" or "deaths set 5"`),
      run: async (arg, ctx) => {
        const operation = parseCounterOperation(arg);
        if (!operation) return '(counter needs a name like deaths, deaths +1 or deaths set 5)';
        const value =
          operation.op === 'get'
            ? await deps.counters.get(ctx.channel, operation.name)
            : operation.op === 'add'
              ? await deps.counters.add(ctx.channel, operation.name, operation.delta)
              : await deps.counters.set(ctx.channel, operation.name, operation.value);
        return String(value);
      },
    },
  ];
}
