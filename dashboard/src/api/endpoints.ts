import { ApiFailure, request } from './client.ts';
import type { ApiKeyInfo, ChannelInfo, ChannelRole, ChannelSettings, GrantedRole, Me, ModuleSwitch, SandboxChat, SandboxEvent, SettingsPatch } from './types.ts';

const ch = (channel: string) => `/api/channels/${encodeURIComponent(channel)}`;

/** The core API: session, channels, roles, keys, live feed and the sandbox. Module APIs live in their feature folders. */
export const api = {
  me: () => request<Me>('/api/me'),
  inviteBot: (channel: string) => request<{ channel: string; role: ChannelRole }>('/api/channels', { method: 'POST', body: { channel } }),
  channel: (channel: string) => request<ChannelInfo>(ch(channel)),
  partChannel: (channel: string) => request<void>(ch(channel), { method: 'DELETE' }),
  updateSettings: (channel: string, patch: SettingsPatch) => request<ChannelSettings>(`${ch(channel)}/settings`, { method: 'PATCH', body: patch }),
  modules: (channel: string) => request<ModuleSwitch[]>(`${ch(channel)}/modules`),
  roles: (channel: string) => request<GrantedRole[]>(`${ch(channel)}/roles`),
  grantRole: (channel: string, login: string, role: GrantedRole['role']) =>
    request<GrantedRole[]>(`${ch(channel)}/roles/${encodeURIComponent(login)}`, { method: 'PUT', body: { role } }),
  revokeRole: (channel: string, login: string) => request<void>(`${ch(channel)}/roles/${encodeURIComponent(login)}`, { method: 'DELETE' }),
  apiKeys: (channel: string) => request<ApiKeyInfo[]>(`${ch(channel)}/api-keys`),
  createApiKey: (channel: string, name: string, role: ChannelRole) =>
    request<{ key: string; info: ApiKeyInfo }>(`${ch(channel)}/api-keys`, { method: 'POST', body: { name, role } }),
  revokeApiKey: (channel: string, id: string) => request<void>(`${ch(channel)}/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  feedTicket: (channel: string) => request<{ ticket: string; expiresIn: number }>(`${ch(channel)}/feed-ticket`, { method: 'POST' }),
  /** True in sandbox mode; the route exists only then. */
  sandboxEnabled: async (): Promise<boolean> => {
    try {
      await request<{ enabled: boolean }>('/api/sandbox');
      return true;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) return false;
      throw error;
    }
  },
  sandboxChat: (body: SandboxChat) => request<{ id: string }>('/api/sandbox/chat', { method: 'POST', body }),
  sandboxEvent: (body: SandboxEvent) => request<{ ok: boolean }>('/api/sandbox/events', { method: 'POST', body }),
};

/** A module's API path under a channel, e.g. moduleUrl('sandbox', 'commands', '/preview'). */
export function moduleUrl(channel: string, module: string, path = ''): string {
  return `${ch(channel)}/${module}${path}`;
}

/**
 * The routes the running bot serves, from its OpenAPI document, as `METHOD /path/{param}`. Pages
 * of modules whose routes are missing show "not available" rather than failing call by call.
 */
export async function availableRoutes(): Promise<Set<string>> {
  const response = await fetch('/docs/json');
  if (!response.ok) throw new ApiFailure(response.status, 'docs', 'The bot did not describe its API.');
  const doc = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
  const routes = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) for (const method of Object.keys(methods)) routes.add(`${method.toUpperCase()} ${path}`);
  return routes;
}
