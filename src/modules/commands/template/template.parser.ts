import { CommandsError } from '../commands.errors.ts';
import { TEMPLATE_LIMITS } from './template.limits.ts';
import type { ParsedTemplate, TemplateNode, TemplateWarning, VariableDefinition } from './template.types.ts';

/** Finds a variable by lowercase name. */
export interface VariableLookup {
  get(name: string): VariableDefinition | undefined;
}

const NAME = /[A-Za-z0-9_]+/y;

/**
 * Parses command text into nodes once, so that each use only renders. `$(name arg)` is a variable;
 * its argument is itself a template, so variables nest. Plain parentheses inside an argument are
 * balanced, so `$(pick (a)|b)` works. An unknown variable stays as written (with a warning), a `$(`
 * that is never closed is plain text (with a warning); too long, too deep or too many variables is
 * refused with a CommandsError. Never evaluates anything.
 */
export function parseTemplate(source: string, variables: VariableLookup): ParsedTemplate {
  if (source.trim().length === 0) throw new CommandsError('commands.template_empty', 'The command text is empty.');
  if (source.length > TEMPLATE_LIMITS.maxLength) {
    throw new CommandsError('commands.template_too_long', `The command text is too long (${source.length} characters, at most ${TEMPLATE_LIMITS.maxLength}).`);
  }
  const parser = new Parser(source, variables);
  const { nodes } = parser.sequence(false, 0);
  return { source, nodes, warnings: parser.warnings, variables: [...parser.used.keys()] };
}

class Parser {
  pos = 0;
  readonly warnings: TemplateWarning[] = [];
  /** Uses per variable name. */
  readonly used = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly src: string,
    private readonly variables: VariableLookup,
  ) {}

  /** Reads until the end, or inside an argument until its closing `)`; `closed` is false when that never came. */
  sequence(inArgument: boolean, depth: number): { nodes: TemplateNode[]; closed: boolean } {
    const nodes: TemplateNode[] = [];
    let text = '';
    let parens = 0;
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '$' && this.src[this.pos + 1] === '(') {
        const node = this.variable(depth);
        if (typeof node === 'string') text += node;
        else {
          flush();
          nodes.push(node);
        }
        continue;
      }
      if (inArgument && c === '(') parens++;
      if (inArgument && c === ')') {
        if (parens === 0) {
          this.pos++;
          flush();
          return { nodes, closed: true };
        }
        parens--;
      }
      text += c;
      this.pos++;
    }
    flush();
    return { nodes, closed: !inArgument };
  }

  /** At `$(`: a variable node, or the text to keep when it is not a usable variable. */
  private variable(depth: number): TemplateNode | string {
    const start = this.pos;
    NAME.lastIndex = start + 2;
    const match = NAME.exec(this.src);
    const after = start + 2 + (match?.[0].length ?? 0);
    const next = this.src[after];
    if (!match || (next !== ')' && next !== ' ')) {
      // Not a variable: keep the `$` and let the `(` count as a plain parenthesis.
      this.pos = start + 1;
      return '$';
    }
    if (depth + 1 > TEMPLATE_LIMITS.maxDepth) {
      throw new CommandsError('commands.template_too_deep', `Variables nest too deep (at most ${TEMPLATE_LIMITS.maxDepth} levels).`);
    }
    const name = match[0].toLowerCase();
    const before = this.snapshot();
    let arg: TemplateNode[] = [];
    this.pos = after + 1;
    if (next === ' ') {
      const inner = this.sequence(true, depth + 1);
      if (!inner.closed) {
        // Forget what the unclosed argument recorded, and read it again as plain text.
        this.restore(before);
        this.warnings.push({ code: 'commands.unclosed_variable', at: start, message: `"$(${name}" is never closed with ")"; it is shown as written.` });
        this.pos = start + 1;
        return '$';
      }
      arg = inner.nodes;
    }
    const variable = this.variables.get(name);
    if (!variable) {
      this.restore(before);
      this.warnings.push({ code: 'commands.unknown_variable', at: start, message: `$(${name}) is not a known variable; it is shown as written.` });
      return this.src.slice(start, this.pos);
    }
    if (++this.count > TEMPLATE_LIMITS.maxVariables) {
      throw new CommandsError('commands.too_many_variables', `Too many variables (at most ${TEMPLATE_LIMITS.maxVariables}).`);
    }
    const uses = (this.used.get(name) ?? 0) + 1;
    this.used.set(name, uses);
    if (variable.maxPerTemplate !== undefined && uses > variable.maxPerTemplate) {
      throw new CommandsError('commands.too_many_variables', `$(${name}) may be used at most ${variable.maxPerTemplate} times in one command.`);
    }
    const literal = arg.every((n) => n.kind === 'text') ? arg.map((n) => (n.kind === 'text' ? n.text : '')).join('').trim() : undefined;
    if (literal !== undefined && variable.check) {
      const problem = variable.check(literal);
      if (problem) throw new CommandsError('commands.invalid_argument', `$(${name}): ${problem}`);
    }
    return { kind: 'var', variable, arg };
  }

  private snapshot(): { warnings: number; used: Map<string, number>; count: number } {
    return { warnings: this.warnings.length, used: new Map(this.used), count: this.count };
  }

  private restore(state: { warnings: number; used: Map<string, number>; count: number }): void {
    this.warnings.length = state.warnings;
    this.used.clear();
    for (const [name, uses] of state.used) this.used.set(name, uses);
    this.count = state.count;
  }
}
