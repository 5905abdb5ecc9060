// The API's wire types in one place. Types the server already defines in src/core are imported from
// there (erased at build time), so a change on the server shows up here as a type error.
import type { FeedEvent } from '../../../src/core/feed.ts';
import type { ChatEvent, Role } from '../../../src/core/chat.ts';
import type { ChannelRole } from '../../../src/core/routes.ts';

export type { ChannelRole, ChatEvent, FeedEvent, Role };

/** The first frame of the live feed socket, before any FeedEvent. */
export interface FeedHello {
  type: 'hello';
  channel: string;
}

export interface SessionUser {
  userId: string;
  login: string;
  admin: boolean;
}

export interface RefreshAnswer {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface Me {
  user: SessionUser;
  channels: { channel: string; role: ChannelRole }[];
}

export interface ChannelSettings {
  prefix: string;
  language: string;
  disabledModules: string[];
  moduleSettings: Record<string, unknown>;
}

export interface ChannelInfo {
  channel: string;
  role: ChannelRole;
  connected: boolean;
  settings: ChannelSettings | null;
}

export type SettingsPatch = Partial<Pick<ChannelSettings, 'prefix' | 'language' | 'disabledModules'>>;

export interface ModuleSwitch {
  name: string;
  description: string;
  canDisable: boolean;
  enabled: boolean;
}

export interface GrantedRole {
  userLogin: string;
  role: Exclude<ChannelRole, 'owner'>;
  grantedBy: string;
  grantedAt: string;
}

export interface ApiKeyInfo {
  id: string;
  channel: string;
  role: ChannelRole;
  name: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Chatter roles the sandbox can give a speaker. */
export type SandboxRole = Exclude<Role, 'founder'>;

export interface SandboxChat {
  channel: string;
  login: string;
  roles: SandboxRole[];
  text: string;
  firstMessage?: boolean;
  bits?: number;
}

export interface SandboxEvent {
  channel: string;
  type: string;
  event: Record<string, unknown>;
}
