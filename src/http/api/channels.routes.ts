import type { FastifyInstance } from 'fastify';
import { z, type ZodType } from 'zod';
import { ApiError, assertRole, type Actor, type ChannelRole } from '../../core/routes.ts';
import type { AccessRepository } from '../../db/access.repository.ts';
import type { ChannelSettings } from '../../db/channels.repository.ts';
import type { Authorizer } from '../auth/authorizer.ts';
import { requireChannelRole, requireUser } from '../auth/request-auth.ts';
import type { SecurityEvents } from '../security-events.ts';
import { channelParams, twitchLogin } from './api.schemas.ts';

/** The channel operations of the channels module, as the API uses them. */
export interface ChannelDirectoryService {
  join(login: string): Promise<void>;
  part(login: string): Promise<boolean>;
  getSettings(login: string): Promise<ChannelSettings | null>;
  updateSettings(login: string, patch: Partial<ChannelSettings>): Promise<ChannelSettings | null>;
  setModuleSetting(login: string, module: string, value: unknown): Promise<boolean>;
}

export interface ChannelsApiDeps {
  channels: ChannelDirectoryService;
  access: AccessRepository;
  /** Every module, for the module switches. */
  modules: readonly { name: string; description: string; canDisable?: boolean; settings?: ZodType }[];
  isConnected(channel: string): boolean;
  authorizer: Authorizer;
  security: SecurityEvents;
}

const settingsPatch = z
  .object({
    prefix: z.string().min(1).max(5).regex(/^\S+$/, 'no spaces').optional(),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language code such as en or pt-BR').optional(),
    disabledModules: z.array(z.string().max(32)).max(50).optional(),
  })
  .strict();
const grantable = z.enum(['viewer', 'moderator', 'editor']);
const keyRole = z.enum(['viewer', 'moderator', 'editor', 'owner']);

/** Channels, their settings and module switches, dashboard roles and API keys. */
export function channelsRoutes(app: FastifyInstance, deps: ChannelsApiDeps): void {
  const role = (required: ChannelRole) => requireChannelRole(deps.authorizer, deps.security, required);
  const tags = ['channels'];
  const security = [{ bearer: [] }];

  app.get('/api/channels', { schema: { summary: 'Channels where the caller holds a role', tags, security } }, async (request) => {
    const user = requireUser(request);
    return deps.access.channelsOf(user.user.login, user.admin);
  });

  app.post('/api/channels', { schema: { summary: 'Invites the bot to a channel: your own, or any for an admin', tags, security, body: z.object({ channel: twitchLogin }) } }, async (request, reply) => {
    const user = requireUser(request);
    const { channel } = request.body as { channel: string };
    if (!user.admin && channel !== user.user.login) throw new ApiError(403, 'auth.forbidden', 'you can invite the bot to your own channel only');
    await deps.channels.join(channel);
    return reply.code(201).send({ channel, role: 'owner' });
  });

  app.get('/api/channels/:channel', { schema: { summary: 'A channel: the caller\'s role, chat connection and settings', tags, security, params: channelParams }, preHandler: role('viewer') }, async (request) => {
    const { channel } = request.params as { channel: string };
    return { channel, role: request.actor!.role, connected: deps.isConnected(channel), settings: await deps.channels.getSettings(channel) };
  });

  app.delete('/api/channels/:channel', { schema: { summary: 'Sends the bot away from the channel (settings are kept)', tags, security, params: channelParams }, preHandler: role('owner') }, async (request, reply) => {
    const { channel } = request.params as { channel: string };
    assertRole(request.actor!, 'owner');
    await deps.channels.part(channel);
    return reply.code(204).send();
  });

  app.get('/api/channels/:channel/settings', { schema: { summary: 'Prefix, language and disabled modules', tags, security, params: channelParams }, preHandler: role('viewer') }, async (request) => {
    const { channel } = request.params as { channel: string };
    return deps.channels.getSettings(channel);
  });

  app.patch('/api/channels/:channel/settings', { schema: { summary: 'Changes prefix, language or module switches', tags, security, params: channelParams, body: settingsPatch }, preHandler: role('editor') }, async (request) => {
    const { channel } = request.params as { channel: string };
    assertRole(request.actor!, 'editor');
    const patch = request.body as z.infer<typeof settingsPatch>;
    if (patch.disabledModules) {
      const known = new Map(deps.modules.map((m) => [m.name, m]));
      for (const name of patch.disabledModules) {
        const module = known.get(name);
        if (!module) throw new ApiError(400, 'settings.unknown_module', `there is no module ${name}`);
        if (module.canDisable === false) throw new ApiError(400, 'settings.module_required', `the ${name} module cannot be switched off`);
      }
    }
    return deps.channels.updateSettings(channel, patch);
  });

  app.get('/api/channels/:channel/modules', { schema: { summary: 'Every module and whether it is on here', tags, security, params: channelParams }, preHandler: role('viewer') }, async (request) => {
    const { channel } = request.params as { channel: string };
    const disabled = new Set((await deps.channels.getSettings(channel))?.disabledModules ?? []);
    return deps.modules.map((m) => ({ name: m.name, description: m.description, canDisable: m.canDisable !== false, enabled: !disabled.has(m.name) }));
  });

  const moduleParams = channelParams.extend({ module: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/) });
  const settingsOf = (name: string) => {
    const schema = deps.modules.find((m) => m.name === name)?.settings;
    if (!schema) throw new ApiError(404, 'settings.no_settings', `module ${name} has no settings`);
    return schema;
  };

  app.get('/api/channels/:channel/modules/:module/settings', { schema: { summary: 'A module\'s settings in the channel, defaults filled in', tags, security, params: moduleParams }, preHandler: role('moderator') }, async (request) => {
    const { channel, module } = request.params as { channel: string; module: string };
    const schema = settingsOf(module);
    const stored = (await deps.channels.getSettings(channel))?.moduleSettings[module] ?? {};
    const parsed = schema.safeParse(stored);
    return parsed.success ? parsed.data : schema.parse({});
  });

  app.put(
    '/api/channels/:channel/modules/:module/settings',
    { schema: { summary: 'Replaces a module\'s settings, validated by the module', tags, security, params: moduleParams, body: z.record(z.string(), z.unknown()) }, preHandler: role('editor') },
    async (request) => {
      const { channel, module } = request.params as { channel: string; module: string };
      assertRole(request.actor!, 'editor');
      const parsed = settingsOf(module).safeParse(request.body);
      if (!parsed.success) {
        throw new ApiError(400, 'validation', parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`).join('; '));
      }
      await deps.channels.setModuleSetting(channel, module, parsed.data);
      return parsed.data;
    },
  );

  app.get('/api/channels/:channel/roles', { schema: { summary: 'Dashboard roles granted in the channel', tags, security, params: channelParams }, preHandler: role('owner') }, async (request) => {
    const { channel } = request.params as { channel: string };
    return deps.access.listRoles(channel);
  });

  app.put(
    '/api/channels/:channel/roles/:login',
    { schema: { summary: 'Grants a dashboard role', tags, security, params: channelParams.extend({ login: twitchLogin }), body: z.object({ role: grantable }) }, preHandler: role('owner') },
    async (request) => {
      const { channel, login } = request.params as { channel: string; login: string };
      const actor: Actor = request.actor!;
      assertRole(actor, 'owner');
      if (login === channel) throw new ApiError(400, 'roles.owner', 'the broadcaster is always the owner');
      await deps.access.grant(channel, login, (request.body as { role: z.infer<typeof grantable> }).role, actor.login);
      return deps.access.listRoles(channel);
    },
  );

  app.delete('/api/channels/:channel/roles/:login', { schema: { summary: 'Takes a dashboard role away', tags, security, params: channelParams.extend({ login: twitchLogin }) }, preHandler: role('owner') }, async (request, reply) => {
    const { channel, login } = request.params as { channel: string; login: string };
    assertRole(request.actor!, 'owner');
    if (!(await deps.access.revokeRole(channel, login))) throw new ApiError(404, 'roles.not_found', `${login} holds no role here`);
    return reply.code(204).send();
  });

  app.get('/api/channels/:channel/api-keys', { schema: { summary: 'Live API keys (never the keys themselves)', tags, security, params: channelParams }, preHandler: role('owner') }, async (request) => {
    const { channel } = request.params as { channel: string };
    return deps.access.listApiKeys(channel);
  });

  app.post(
    '/api/channels/:channel/api-keys',
    { schema: { summary: 'Creates an API key; the answer is the only time the key is shown', tags, security, params: channelParams, body: z.object({ name: z.string().min(1).max(60), role: keyRole }) }, preHandler: role('owner') },
    async (request, reply) => {
      const { channel } = request.params as { channel: string };
      assertRole(request.actor!, 'owner');
      if (request.actor!.via === 'api_key') throw new ApiError(403, 'auth.forbidden', 'API keys cannot create API keys');
      const { name, role: keyRoleValue } = request.body as { name: string; role: ChannelRole };
      return reply.code(201).send(await deps.access.createApiKey(channel, keyRoleValue, name, request.actor!.login));
    },
  );

  app.delete('/api/channels/:channel/api-keys/:id', { schema: { summary: 'Revokes an API key', tags, security, params: channelParams.extend({ id: z.string().regex(/^[0-9a-f]{12}$/) }) }, preHandler: role('owner') }, async (request, reply) => {
    const { channel, id } = request.params as { channel: string; id: string };
    assertRole(request.actor!, 'owner');
    if (!(await deps.access.revokeApiKey(channel, id))) throw new ApiError(404, 'api_keys.not_found', 'no such live key');
    return reply.code(204).send();
  });
}
