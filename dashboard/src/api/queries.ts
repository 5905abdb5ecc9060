import { useQuery } from '@tanstack/react-query';
import { availableRoutes, api } from './endpoints.ts';

/** Query keys shared by the pages that read and invalidate them. */
export const keys = {
  me: ['me'] as const,
  channel: (channel: string) => ['channel', channel] as const,
  modules: (channel: string) => ['channel', channel, 'modules'] as const,
  roles: (channel: string) => ['channel', channel, 'roles'] as const,
  apiKeys: (channel: string) => ['channel', channel, 'api-keys'] as const,
  module: (channel: string, module: string, ...rest: string[]) => ['channel', channel, module, ...rest] as const,
};

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: api.me });
export const useChannel = (channel: string) => useQuery({ queryKey: keys.channel(channel), queryFn: () => api.channel(channel), refetchInterval: 15_000 });
export const useModules = (channel: string) => useQuery({ queryKey: keys.modules(channel), queryFn: () => api.modules(channel) });
export const useSandboxEnabled = () => useQuery({ queryKey: ['sandbox'], queryFn: api.sandboxEnabled, staleTime: Infinity });

const useRoutes = () => useQuery({ queryKey: ['routes'], queryFn: availableRoutes, staleTime: 60_000 });

/**
 * Whether the bot serves every one of `routes` (`METHOD /api/channels/{channel}/...`):
 * undefined while it is being checked.
 */
export function useRoutesAvailable(...routes: string[]): boolean | undefined {
  const { data, isError } = useRoutes();
  if (isError) return false;
  return data ? routes.every((r) => data.has(r)) : undefined;
}
