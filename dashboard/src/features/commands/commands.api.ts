import type { UserLevel } from '../../../../src/core/permissions.ts';
import { request } from '../../api/client.ts';
import { moduleUrl } from '../../api/endpoints.ts';

export interface CustomCommand {
  name: string;
  /** The response template. */
  text: string;
  aliases: string[];
  enabled: boolean;
  userLevel: UserLevel;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  useCount: number;
}

/** What the form sends; the API fills defaults for what is left out. */
export interface CommandInput {
  name: string;
  text: string;
  aliases: string[];
  userLevel: UserLevel;
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
}

export interface TemplateWarning {
  code: string;
  at?: number;
  message: string;
}

export interface Preview {
  text: string;
  warnings: TemplateWarning[];
  /** The variables the template uses. */
  variables: string[];
}

/** One row of the variable reference, from the template engine's own metadata. */
export interface VariableDoc {
  name: string;
  category?: string;
  description: string;
  usage: string;
  example?: { template: string; output: string };
}

export interface Counter {
  name: string;
  value: number;
}

export interface Quote {
  number: number;
  text: string;
  game: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Timer {
  name: string;
  messages: string[];
  intervalMinutes: number;
  minLines: number;
  mode: string;
  enabled: boolean;
}

export const COMMANDS_ROUTES = {
  list: 'GET /api/channels/{channel}/commands',
  create: 'POST /api/channels/{channel}/commands',
  preview: 'POST /api/channels/{channel}/commands/preview',
  variables: 'GET /api/channels/{channel}/commands/variables',
  counters: 'GET /api/channels/{channel}/commands/counters',
  quotes: 'GET /api/channels/{channel}/commands/quotes',
  timers: 'GET /api/channels/{channel}/commands/timers',
};

const url = (channel: string, path = '') => moduleUrl(channel, 'commands', path);

export const commandsApi = {
  list: (channel: string) => request<CustomCommand[]>(url(channel)),
  create: (channel: string, input: CommandInput) => request<unknown>(url(channel), { method: 'POST', body: input }),
  update: (channel: string, name: string, changes: Partial<CommandInput> & { enabled?: boolean }) =>
    request<unknown>(url(channel, `/${encodeURIComponent(name)}`), { method: 'PATCH', body: changes }),
  remove: (channel: string, name: string) => request<void>(url(channel, `/${encodeURIComponent(name)}`), { method: 'DELETE' }),
  preview: (channel: string, body: { template: string; args: string[]; user: string }, signal?: AbortSignal) =>
    request<Preview>(url(channel, '/preview'), { method: 'POST', body, signal }),
  variables: (channel: string) => request<VariableDoc[]>(url(channel, '/variables')),
  counters: (channel: string) => request<Counter[]>(url(channel, '/counters')),
  quotes: (channel: string) => request<Quote[]>(url(channel, '/quotes')),
  timers: (channel: string) => request<Timer[]>(url(channel, '/timers')),
};
