import type { ModerationSettings, ModerationStep, RuleAction } from '../../../../src/modules/moderation/moderation.settings.ts';
import { request } from '../../api/client.ts';
import { moduleUrl } from '../../api/endpoints.ts';

export type { ModerationSettings, ModerationStep, RuleAction };

export interface ModerationActionBody {
  action: 'delete' | 'timeout' | 'ban';
  userId: string;
  login: string;
  messageId?: string;
  durationSeconds?: number;
  reason?: string;
}

/** One entry of the moderation log, as the API sends it. */
export interface LogEntry {
  id: string;
  userId: string;
  userLogin: string;
  messageText: string;
  rule: string;
  detail: string;
  action: 'warn' | 'delete' | 'timeout' | 'ban' | 'unban';
  durationSeconds: number | null;
  actor: string;
  status: 'done' | 'failed';
  error: string | null;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface LogFilter {
  login?: string;
  before?: string;
  limit?: number;
}

/** OpenAPI keys of the routes each part of the moderation UI needs. */
export const MODERATION_ROUTES = {
  actions: 'POST /api/channels/{channel}/moderation/actions',
  log: 'GET /api/channels/{channel}/moderation/log',
  undo: 'POST /api/channels/{channel}/moderation/log/{id}/undo',
  // A module's settings go through the channels API, validated by the module's own schema.
  settings: 'GET /api/channels/{channel}/modules/{module}/settings',
  saveSettings: 'PUT /api/channels/{channel}/modules/{module}/settings',
};

const url = (channel: string, path: string) => moduleUrl(channel, 'moderation', path);

export const moderationApi = {
  act: (channel: string, body: ModerationActionBody) => request<unknown>(url(channel, '/actions'), { method: 'POST', body }),
  settings: (channel: string) => request<ModerationSettings>(`/api/channels/${encodeURIComponent(channel)}/modules/moderation/settings`),
  saveSettings: (channel: string, settings: ModerationSettings) =>
    request<ModerationSettings>(`/api/channels/${encodeURIComponent(channel)}/modules/moderation/settings`, { method: 'PUT', body: settings }),
  log: (channel: string, filter: LogFilter) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
    return request<LogEntry[]>(`${url(channel, '/log')}${query.size > 0 ? `?${query}` : ''}`);
  },
  undo: (channel: string, id: string) => request<unknown>(url(channel, `/log/${encodeURIComponent(id)}/undo`), { method: 'POST' }),
};
