// Helix wire shapes (https://dev.twitch.tv/docs/api/reference), mapped once into core types.
import type { TwitchStream, TwitchUser } from '../../core/ports.ts';

export interface HelixList<T> {
  data: T[];
  pagination?: { cursor?: string };
}

export interface HelixUser {
  id: string;
  login: string;
  display_name: string;
  created_at: string;
}

export interface HelixStream {
  user_id: string;
  user_login: string;
  game_name: string;
  title: string;
  viewer_count: number;
  started_at: string;
}

export interface HelixFollower {
  user_id: string;
  followed_at: string;
}

export interface HelixErrorBody {
  error?: string;
  status?: number;
  message?: string;
}

export function toTwitchUser(user: HelixUser): TwitchUser {
  return { id: user.id, login: user.login, displayName: user.display_name, createdAt: new Date(user.created_at) };
}

export function toTwitchStream(stream: HelixStream): TwitchStream {
  return { title: stream.title, gameName: stream.game_name, viewers: stream.viewer_count, startedAt: new Date(stream.started_at) };
}
