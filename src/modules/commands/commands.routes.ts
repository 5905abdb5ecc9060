import { z } from 'zod';
import { USER_LEVELS } from '../../core/permissions.ts';
import { ApiError, assertRole, defineRoute, type ModuleRoute } from '../../core/routes.ts';
import { CommandsError } from './commands.errors.ts';
import type { StoredCommand } from './commands.repository.ts';
import type { CustomCommandsService } from './commands.service.ts';
import type { CountersRepository } from './counters.repository.ts';
import type { QuotesService } from './quotes.service.ts';
import { parseTemplate, type VariableLookup } from './template/template.parser.ts';
import { renderTemplate } from './template/template.render.ts';
import type { VariableDefinition } from './template/template.types.ts';
import type { VariableRegistry } from './template/variables.registry.ts';
import type { TimersService } from './timers.service.ts';

export interface CommandsRoutesDeps {
  commands: CustomCommandsService;
  quotes: QuotesService;
  counters: CountersRepository;
  timers: TimersService;
  variables: VariableRegistry;
}

const NOT_FOUND = new Set(['commands.not_found', 'commands.quote_not_found', 'commands.timer_not_found']);
const CONFLICT = new Set(['commands.name_taken', 'commands.limit_reached']);

/** Runs a service call, turning its refusals into API errors with the same stable codes. */
async function api<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CommandsError)) throw error;
    throw new ApiError(NOT_FOUND.has(error.code) ? 404 : CONFLICT.has(error.code) ? 409 : 400, error.code, error.message);
  }
}

const commandFields = {
  text: z.string().min(1).max(2_000),
  aliases: z.array(z.string().max(32)).max(10),
  enabled: z.boolean(),
  userLevel: z.enum(USER_LEVELS),
  globalCooldownSeconds: z.number().int().min(0).max(86_400),
  userCooldownSeconds: z.number().int().min(0).max(86_400),
  responseMode: z.enum(['reply', 'say', 'whisper']),
};
const newCommand = z.object({ name: z.string().min(1).max(33), ...commandFields }).partial({ aliases: true, enabled: true, userLevel: true, globalCooldownSeconds: true, userCooldownSeconds: true, responseMode: true });
const commandChanges = z.object({ name: z.string().min(1).max(33), ...commandFields }).partial();
const nameParam = z.object({ name: z.string().min(1).max(33) });
const timerFields = z.object({
  messages: z.array(z.string().min(1).max(500)).min(1).max(20),
  intervalMinutes: z.number().int().min(1).max(1_440),
  minLines: z.number().int().min(0).max(10_000),
  mode: z.enum(['online', 'offline', 'both']),
  enabled: z.boolean(),
});

/** A command as the API shows it. */
function view(command: StoredCommand) {
  return {
    name: command.name,
    text: command.template,
    aliases: command.aliases,
    enabled: command.enabled,
    userLevel: command.userLevel,
    globalCooldownSeconds: command.globalCooldownS,
    userCooldownSeconds: command.userCooldownS,
    responseMode: command.responseMode,
    trigger: command.triggerKind ? { kind: command.triggerKind, value: command.trigger } : null,
    useCount: command.useCount,
    createdBy: command.createdBy,
    createdAt: command.createdAt,
    updatedAt: command.updatedAt,
  };
}

function toFields(body: Partial<Record<keyof typeof commandFields, unknown>> & { name?: string }) {
  const { text, ...rest } = body;
  return { ...rest, ...(text === undefined ? {} : { template: text as string }) } as Parameters<CustomCommandsService['update']>[2];
}

/**
 * Variables that read live data or change state (counters, urlfetch, stream info) are shown as
 * placeholders in a preview, so trying a template never bumps a counter or fetches a URL.
 */
function previewLookup(variables: VariableRegistry): VariableLookup {
  const live = new Set(['counters', 'web', 'stream']);
  return {
    get(name) {
      const real = variables.get(name);
      if (!real || !live.has(real.category)) return real;
      const placeholder: VariableDefinition = { ...real, run: (arg) => `‹${name}${arg ? ` ${arg}` : ''}›` };
      return placeholder;
    },
  };
}

export function commandsRoutes(deps: CommandsRoutesDeps): ModuleRoute[] {
  return [
    defineRoute({ method: 'GET', path: '/', role: 'moderator', summary: 'Custom commands of the channel', handler: async ({ channel }) => (await deps.commands.list(channel)).map(view) }),
    defineRoute({ method: 'GET', path: '/variables', role: 'viewer', summary: 'Every template variable, with usage and examples', handler: () => deps.variables.reference() }),
    defineRoute({
      method: 'POST',
      path: '/preview',
      role: 'moderator',
      summary: 'Expands a template for a sample user, without side effects',
      body: z.object({ template: z.string().min(1).max(2_000), args: z.array(z.string().max(100)).max(9).default([]), user: z.string().regex(/^[a-z0-9_]{1,25}$/).default('sample_viewer') }),
      handler: async ({ channel, body }) => {
        const parsed = await api(async () => parseTemplate(body.template, previewLookup(deps.variables)));
        const text = await renderTemplate(parsed, {
          channel,
          channelId: '',
          user: { id: '0', login: body.user, displayName: body.user },
          args: body.args,
          argsText: body.args.join(' '),
          count: 1,
          urlfetchCacheSeconds: 0,
        });
        return { text, warnings: parsed.warnings, variables: parsed.variables };
      },
    }),
    defineRoute({ method: 'GET', path: '/:name', role: 'moderator', summary: 'One custom command', handler: async ({ channel, params }) => view(await api(() => deps.commands.get(channel, nameParam.parse(params).name))) }),
    defineRoute({
      method: 'POST',
      path: '/',
      role: 'moderator',
      summary: 'Creates a custom command',
      body: newCommand,
      status: 201,
      handler: async ({ channel, body, actor }) => {
        assertRole(actor, 'moderator');
        const result = await api(() => deps.commands.create(channel, { ...toFields(body), name: body.name, template: body.text, createdBy: actor.login }));
        return { command: view(result.command), warnings: result.warnings };
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/:name',
      role: 'moderator',
      summary: 'Changes or renames a custom command',
      body: commandChanges,
      handler: async ({ channel, params, body, actor }) => {
        assertRole(actor, 'moderator');
        const result = await api(() => deps.commands.update(channel, nameParam.parse(params).name, toFields(body)));
        return { command: view(result.command), warnings: result.warnings };
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/:name',
      role: 'moderator',
      summary: 'Deletes a custom command',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'moderator');
        await api(() => deps.commands.remove(channel, nameParam.parse(params).name));
      },
    }),
  ];
}

/** Quotes, counters and timers, mounted beside the commands. */
export function extrasRoutes(deps: CommandsRoutesDeps): ModuleRoute[] {
  const numberParam = z.object({ number: z.coerce.number().int().min(1) });
  const counterParam = z.object({ name: z.string().regex(/^[a-z0-9_-]{1,32}$/i) });
  return [
    defineRoute({ method: 'GET', path: '/quotes', role: 'viewer', summary: 'Quotes of the channel', handler: ({ channel }) => deps.quotes.list(channel) }),
    defineRoute({
      method: 'POST',
      path: '/quotes',
      role: 'moderator',
      summary: 'Adds a quote (with the current game)',
      body: z.object({ text: z.string().min(1).max(400), channelId: z.string().max(20).default('') }),
      status: 201,
      handler: async ({ channel, body, actor }) => {
        assertRole(actor, 'moderator');
        return api(() => deps.quotes.add(channel, body.channelId, body.text, actor.login));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/quotes/:number',
      role: 'moderator',
      summary: 'Deletes a quote; its number is not given out again',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'moderator');
        await api(() => deps.quotes.remove(channel, numberParam.parse(params).number));
      },
    }),
    defineRoute({ method: 'GET', path: '/counters', role: 'viewer', summary: 'Named counters of the channel', handler: ({ channel }) => deps.counters.list(channel) }),
    defineRoute({
      method: 'PUT',
      path: '/counters/:name',
      role: 'moderator',
      summary: 'Sets a counter',
      body: z.object({ value: z.number().int().min(-1e12).max(1e12) }),
      handler: async ({ channel, params, body, actor }) => {
        assertRole(actor, 'moderator');
        const { name } = counterParam.parse(params);
        return { name: name.toLowerCase(), value: await api(() => deps.counters.set(channel, name.toLowerCase(), body.value)) };
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/counters/:name',
      role: 'moderator',
      summary: 'Deletes a counter',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'moderator');
        if (!(await deps.counters.remove(channel, counterParam.parse(params).name.toLowerCase()))) throw new ApiError(404, 'commands.counter_not_found', 'no such counter');
      },
    }),
    defineRoute({ method: 'GET', path: '/timers', role: 'moderator', summary: 'Timers of the channel', handler: ({ channel }) => deps.timers.list(channel) }),
    defineRoute({
      method: 'POST',
      path: '/timers',
      role: 'editor',
      summary: 'Creates a timer',
      body: timerFields.partial({ minLines: true, mode: true, enabled: true }).extend({ name: z.string().min(1).max(32) }),
      status: 201,
      handler: async ({ channel, body, actor }) => {
        assertRole(actor, 'editor');
        return api(() => deps.timers.create(channel, { ...body, createdBy: actor.login }));
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/timers/:name',
      role: 'editor',
      summary: 'Changes a timer',
      body: timerFields.partial(),
      handler: async ({ channel, params, body, actor }) => {
        assertRole(actor, 'editor');
        return api(() => deps.timers.update(channel, nameParam.parse(params).name, body));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/timers/:name',
      role: 'editor',
      summary: 'Deletes a timer',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'editor');
        await api(() => deps.timers.remove(channel, nameParam.parse(params).name));
      },
    }),
  ];
}
