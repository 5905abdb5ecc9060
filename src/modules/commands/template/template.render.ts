import { EXPANSION_HARD_STOP, TEMPLATE_LIMITS } from './template.limits.ts';
import type { ParsedTemplate, TemplateContext, TemplateNode } from './template.types.ts';

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Makes one variable's output plain chat text: one line, bounded, and never read by Twitch as a command. */
export function cleanOutput(text: string): string {
  let clean = text.replace(CONTROL, ' ');
  if (clean.length > TEMPLATE_LIMITS.maxOutput) clean = cutCleanly(clean, TEMPLATE_LIMITS.maxOutput);
  return neutralize(clean);
}

/** A text that starts (after spaces) with `/` or `.` gets a zero-width space in front, so it stays chat text. */
export function neutralize(text: string): string {
  const first = text.trimStart()[0];
  return first === '/' || first === '.' ? `\u200b${text.trimStart()}` : text;
}

/** At most `max` code points; a cut ends on a word boundary when one is near, with an ellipsis. */
export function cutCleanly(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  let cut = points.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length - 30 && space > 0) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * Expands a parsed template. Each variable's argument is expanded first, then the variable runs on
 * it; its output is inserted as plain text, never parsed again, so text a viewer types cannot add
 * variables. A variable that fails shows `(name failed)` instead of breaking the whole message.
 */
export async function renderTemplate(template: ParsedTemplate, ctx: TemplateContext, onError: VariableErrorHandler = ignore): Promise<string> {
  const text = await renderNodes(template.nodes, ctx, onError);
  return neutralize(cutCleanly(text.replace(CONTROL, ' ').trim(), TEMPLATE_LIMITS.maxOutput));
}

/** Hears about a variable that threw (a bug or an outage), for the log. */
export type VariableErrorHandler = (variable: string, error: unknown) => void;

const ignore: VariableErrorHandler = () => undefined;

async function renderNodes(nodes: readonly TemplateNode[], ctx: TemplateContext, onError: VariableErrorHandler): Promise<string> {
  let out = '';
  for (const node of nodes) {
    if (out.length > EXPANSION_HARD_STOP) break;
    if (node.kind === 'text') {
      out += node.text;
      continue;
    }
    const arg = node.arg.length === 0 ? '' : (await renderNodes(node.arg, ctx, onError)).trim();
    try {
      const value = node.variable.run(arg, ctx);
      out += cleanOutput(typeof value === 'string' ? value : await value);
    } catch (error) {
      onError(node.variable.name, error);
      out += `(${node.variable.name} failed)`;
    }
  }
  return out;
}
