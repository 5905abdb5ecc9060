import { parseTemplate, type VariableLookup } from './template.parser.ts';
import type { ParsedTemplate } from './template.types.ts';

/**
 * Parsed templates by source text, least recently used evicted. Commands hold their own parsed
 * template; this cache serves everything else that renders text (timers, API previews) and the
 * reloads after a change, which see mostly the same texts again.
 */
export class TemplateCache {
  private readonly entries = new Map<string, ParsedTemplate>();

  constructor(
    private readonly variables: VariableLookup,
    private readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The parsed template; throws CommandsError for text that is refused (never cached). */
  parse(source: string): ParsedTemplate {
    const hit = this.entries.get(source);
    if (hit) {
      this.entries.delete(source);
      this.entries.set(source, hit);
      return hit;
    }
    const parsed = parseTemplate(source, this.variables);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(source, parsed);
    return parsed;
  }
}
