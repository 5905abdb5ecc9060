import type { VariableLookup } from './template.parser.ts';
import type { VariableCategory, VariableDefinition } from './template.types.ts';

/** One row of the dashboard's variable reference. */
export interface VariableReference {
  name: string;
  category: VariableCategory;
  description: string;
  usage: string;
  example?: { template: string; output: string };
}

/** The variables templates may use, by name, with their documentation. */
export class VariableRegistry implements VariableLookup {
  private readonly byName = new Map<string, VariableDefinition>();

  constructor(definitions: Iterable<VariableDefinition>) {
    for (const definition of definitions) {
      if (!/^[a-z0-9_]+$/.test(definition.name)) throw new Error(`variable name "${definition.name}" must be lowercase letters, digits or _`);
      if (this.byName.has(definition.name)) throw new Error(`variable $(${definition.name}) is defined twice`);
      this.byName.set(definition.name, definition);
    }
  }

  get(name: string): VariableDefinition | undefined {
    return this.byName.get(name);
  }

  /** Every variable, grouped by category in a stable order, for the dashboard. */
  reference(): VariableReference[] {
    return [...this.byName.values()].map(({ name, category, description, usage, example }) => ({ name, category, description, usage, ...(example ? { example } : {}) }));
  }
}
