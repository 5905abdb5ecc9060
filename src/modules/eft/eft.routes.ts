import { z } from 'zod';
import { ApiError, assertRole, defineRoute, type ModuleRoute } from '../../core/routes.ts';
import { GAME_MODES, LANGUAGES } from './eft.catalogue.ts';
import type { EftFailure, EftService } from './eft.service.ts';

const STATUS: Record<string, number> = { 'eft.catalogue_unavailable': 503, 'eft.item_not_found': 404, 'eft.alert_not_found': 404, 'eft.item_ambiguous': 409, 'eft.history_unavailable': 503 };

function fail(failure: EftFailure): never {
  const candidates = failure.candidates?.map((c) => c.name).join(', ');
  throw new ApiError(STATUS[failure.error] ?? 400, failure.error, failure.message ?? (candidates ? `did you mean: ${candidates}` : failure.error));
}

/** Catalogue status, item look-ups for the dashboard's price checker, and price alerts. */
export function eftRoutes(service: EftService): ModuleRoute[] {
  return [
    defineRoute({ method: 'GET', path: '/status', role: 'viewer', summary: 'Catalogues loaded per game mode and language, and their age', handler: () => service.catalogueStatus() }),
    defineRoute({
      method: 'GET',
      path: '/price',
      role: 'viewer',
      summary: 'Flea and trader prices of an item, matched as chat would match it',
      query: z.object({ item: z.string().min(1).max(100), mode: z.enum(GAME_MODES).default('regular'), lang: z.enum(LANGUAGES).default('en') }),
      handler: ({ query }) => {
        const result = service.price(query.item, { mode: query.mode, lang: query.lang });
        if (!result.ok) fail(result);
        return result;
      },
    }),
    defineRoute({ method: 'GET', path: '/alerts', role: 'moderator', summary: 'Price alerts set in the channel', handler: ({ channel }) => service.listAlerts(channel) }),
    defineRoute({
      method: 'DELETE',
      path: '/alerts/:id',
      role: 'moderator',
      summary: 'Removes a price alert',
      handler: async ({ channel, params, actor }) => {
        assertRole(actor, 'moderator');
        const result = await service.removeAlert(channel, z.coerce.number().int().min(1).parse(params['id']));
        if (!result.ok) fail(result);
      },
    }),
  ];
}
