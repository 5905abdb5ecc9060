import type { ZodType } from 'zod';

/** A dashboard user's role in one channel, lowest first. */
export const CHANNEL_ROLES = ['viewer', 'moderator', 'editor', 'owner'] as const;

/** A rung of the dashboard's role ladder. */
export type ChannelRole = (typeof CHANNEL_ROLES)[number];

/** True when `role` is at or above `required`. */
export function roleAtLeast(role: ChannelRole, required: ChannelRole): boolean {
  return CHANNEL_ROLES.indexOf(role) >= CHANNEL_ROLES.indexOf(required);
}

/** Who calls a route: a logged-in user or an API key, with their role in the route's channel. */
export interface Actor {
  userId: string;
  login: string;
  role: ChannelRole;
  admin: boolean;
  via: 'session' | 'api_key';
}

/** What a module route's handler gets, already authenticated, authorized and validated. */
export interface RouteRequest<Q, B> {
  channel: string;
  params: Record<string, string>;
  query: Q;
  body: B;
  actor: Actor;
}

/**
 * An HTTP route a module brings, mounted at `/api/channels/:channel/<module><path>`. The HTTP layer
 * checks the session or API key, the role in the channel (404 for users with none), and validates
 * query and body against the schemas before the handler runs; the schemas also document the route.
 */
export interface ModuleRoute<Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the module's mount point, e.g. `/` or `/:id`. */
  path: string;
  role: ChannelRole;
  summary: string;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Status of a successful answer; default 200 (204 when the handler returns undefined). */
  status?: number;
  handler(request: RouteRequest<Q, B>): unknown;
}

/** Declares a route with its query and body types inferred from the schemas. */
export function defineRoute<Q = undefined, B = undefined>(route: ModuleRoute<Q, B>): ModuleRoute {
  return route as ModuleRoute;
}

/** A failure a route reports with an HTTP status and a stable code, e.g. `commands.not_found`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The service-side second check of a state-changing action (the route already checked once). */
export function assertRole(actor: Actor, required: ChannelRole): void {
  if (!roleAtLeast(actor.role, required)) throw new ApiError(403, 'auth.forbidden', `this needs the ${required} role`);
}
