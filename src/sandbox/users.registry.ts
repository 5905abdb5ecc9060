/** Every sandbox user, created on first sight with the next numeric id, so ids stay stable for a run. */

export interface User {
  id: string;
  login: string;
  displayName: string;
  color: string;
  createdAt: string;
}

// Twitch's default name colours, for users who never picked one.
const COLORS = ['#FF0000', '#0000FF', '#008000', '#B22222', '#FF7F50', '#9ACD32', '#FF4500', '#2E8B57', '#DAA520', '#D2691E', '#5F9EA0', '#1E90FF', '#FF69B4', '#8A2BE2', '#00FF7F'];
const FIRST_ID = 100_000_001;
const LOGIN = /^[a-z0-9_]{1,25}$/;

export function normalizeLogin(value: string): string | null {
  const login = value.trim().replace(/^#/, '').toLowerCase();
  return LOGIN.test(login) ? login : null;
}

export class UserRegistry {
  private readonly byLogin = new Map<string, User>();
  private readonly byIdMap = new Map<string, User>();

  /** The user with this (already normalized) login, created if new; a given display name replaces the old one. */
  user(login: string, displayName?: string): User {
    let user = this.byLogin.get(login);
    if (!user) {
      const n = FIRST_ID + this.byLogin.size;
      user = { id: String(n), login, displayName: login, color: COLORS[n % COLORS.length] ?? '', createdAt: new Date().toISOString() };
      this.byLogin.set(login, user);
      this.byIdMap.set(user.id, user);
    }
    if (displayName !== undefined && displayName !== '') user.displayName = displayName;
    return user;
  }

  byId(id: string): User | undefined {
    return this.byIdMap.get(id);
  }
}
