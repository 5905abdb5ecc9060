import type { VariableDefinition } from '../template.types.ts';

/** A login or name as chatters type it: without the leading @. */
export function stripAt(name: string): string {
  return name.startsWith('@') ? name.slice(1) : name;
}

/** `$(user)`, `$(touser)`, `$(channel)`, `$(userid)`. */
export function whoVariables(): VariableDefinition[] {
  return [
    {
      name: 'user',
      category: 'who',
      description: 'The display name of the chatter who used the command.',
      usage: '$(user)',
      example: { template: 'Hi $(user)!', output: 'Hi Alice!' },
      run: (_arg, ctx) => ctx.user.displayName,
    },
    {
      name: 'touser',
      category: 'who',
      description: 'The first word after the command (without @), or the caller when there is none. With an argument, that argument instead.',
      usage: '$(touser) or $(touser $(2))',
      example: { template: '$(user) hugs $(touser)', output: 'Alice hugs bob' },
      run: (arg, ctx) => {
        const target = stripAt((arg || ctx.args[0] || '').split(/\s+/)[0] ?? '');
        return target || ctx.user.displayName;
      },
    },
    {
      name: 'channel',
      category: 'who',
      description: 'The channel the command runs in.',
      usage: '$(channel)',
      run: (_arg, ctx) => ctx.channel,
    },
    {
      name: 'userid',
      category: 'who',
      description: "The caller's Twitch user id.",
      usage: '$(userid)',
      run: (_arg, ctx) => ctx.user.id,
    },
  ];
}
