import type { VariableDefinition } from '../template.types.ts';

/** `$(args)`, `$(query)`, `$(querystring)` and `$(1)`..`$(9)`. */
export function argsVariables(): VariableDefinition[] {
  const positional: VariableDefinition[] = Array.from({ length: 9 }, (_, i) => ({
    name: String(i + 1),
    category: 'arguments' as const,
    description: `Word ${i + 1} after the command; with an argument, that argument when the word is missing.`,
    usage: `$(${i + 1}) or $(${i + 1} fallback)`,
    run: (arg: string, ctx) => ctx.args[i] ?? arg,
  }));
  return [
    {
      name: 'args',
      category: 'arguments',
      description: 'Everything typed after the command.',
      usage: '$(args)',
      example: { template: 'You said: $(args)', output: 'You said: hello there' },
      run: (_arg, ctx) => ctx.argsText,
    },
    {
      name: 'query',
      category: 'arguments',
      description: 'Everything typed after the command (the same as $(args), by its Nightbot name).',
      usage: '$(query)',
      run: (_arg, ctx) => ctx.argsText,
    },
    {
      name: 'querystring',
      category: 'arguments',
      description: 'Everything typed after the command, URL-encoded, to pass into $(urlfetch).',
      usage: '$(urlfetch https://example.com/?q=$(querystring))',
      run: (_arg, ctx) => encodeURIComponent(ctx.argsText),
    },
    ...positional,
  ];
}
