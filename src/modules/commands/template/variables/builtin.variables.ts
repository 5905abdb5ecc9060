import type { VariableDefinition } from '../template.types.ts';
import { argsVariables } from './args.variables.ts';
import { chanceVariables, type ChatterPicker } from './chance.variables.ts';
import { counterVariables, type CounterStore } from './counters.variables.ts';
import { streamVariables, type FollowLookup, type StreamLookup } from './stream.variables.ts';
import { timeVariables } from './time.variables.ts';
import { urlfetchVariables, type UrlTextSource } from './urlfetch.variables.ts';
import { whoVariables } from './who.variables.ts';

/** What the built-in variables read from. */
export interface BuiltinVariableDeps {
  counters: CounterStore;
  lookup: StreamLookup;
  chatters: ChatterPicker;
  urlfetch: UrlTextSource;
  /** Without it, `$(followage)` is not offered. */
  followers?: FollowLookup;
  random: () => number;
  now: () => number;
}

/** Every variable templates may use. */
export function builtinVariables(deps: BuiltinVariableDeps): VariableDefinition[] {
  return [
    ...whoVariables(),
    ...argsVariables(),
    ...counterVariables(deps),
    ...chanceVariables(deps),
    ...timeVariables(deps),
    ...streamVariables(deps),
    ...urlfetchVariables(deps),
  ];
}
