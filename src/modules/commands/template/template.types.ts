/** Who runs a template and where; everything a variable may read about the message that triggered it. */
export interface TemplateContext {
  channel: string;
  channelId: string;
  user: { id: string; login: string; displayName: string };
  args: readonly string[];
  argsText: string;
  /** The command's use count after this use; undefined outside a command (timers). */
  count?: number;
  /** Seconds a `$(urlfetch)` answer stays cached for this channel. */
  urlfetchCacheSeconds: number;
}

/** What a variable answers: text now, or later when it needs I/O. */
export type VariableOutput = string | Promise<string>;

/** The themes the dashboard's variable reference groups variables by. */
export type VariableCategory = 'who' | 'arguments' | 'counters' | 'chance' | 'time' | 'stream' | 'web';

/** One `$(name argument)` variable: how it runs, and how the dashboard documents it. */
export interface VariableDefinition {
  /** Lowercase; what follows `$(`. */
  name: string;
  category: VariableCategory;
  description: string;
  /** E.g. `$(random 1-100)`. */
  usage: string;
  example?: { template: string; output: string };
  /** At most this many uses in one template (for variables that cost I/O). */
  maxPerTemplate?: number;
  /** Checks an argument written literally in the template; a returned message refuses the template. */
  check?(arg: string): string | undefined;
  /** `arg` is the expanded argument, trimmed. */
  run(arg: string, ctx: TemplateContext): VariableOutput;
}

/** A parsed template: text and variables, nested variables in their argument. */
export type TemplateNode = { kind: 'text'; text: string } | { kind: 'var'; variable: VariableDefinition; arg: TemplateNode[] };

/** Something in a template that will not expand as its author may expect; the API shows it. */
export interface TemplateWarning {
  code: 'commands.unknown_variable' | 'commands.unclosed_variable';
  /** Offset in the template (UTF-16). */
  at: number;
  message: string;
}

/** A template parsed once, ready to render any number of times. */
export interface ParsedTemplate {
  source: string;
  nodes: TemplateNode[];
  warnings: TemplateWarning[];
  /** The names of the variables it uses, once each. */
  variables: string[];
}
