import type { CommandDefinition } from '../../../core/module.ts';
import { meetsLevel, userLevelOf } from '../../../core/permissions.ts';
import { failureAnswer } from '../eft.answers.ts';
import { fitMessage, formatMoney } from '../eft.format.ts';
import { parsePrice } from '../eft.prices.ts';
import type { EftService } from '../eft.service.ts';
import type { AlertDirection } from '../eft.tables.ts';
import { channelMarket } from './eft.context.ts';

const USAGE = '!alert <item> below|above <price>, !alert list, !alert del <id>';
const DIRECTION = /^(.+?)\s+(below|under|above|over|<|>)\s+(\S.*)$/i;

export type AlertRequest =
  | { kind: 'list' }
  | { kind: 'delete'; id: number }
  | { kind: 'add'; query: string; direction: AlertDirection; price: number }
  | { kind: 'invalid'; reason: string };

export function parseAlertArgs(text: string): AlertRequest {
  const trimmed = text.trim();
  if (trimmed === '' || /^list$/i.test(trimmed)) return { kind: 'list' };
  const del = /^(?:del|delete|remove|cancel)\s+#?(\d{1,9})$/i.exec(trimmed);
  if (del) return { kind: 'delete', id: Number(del[1]) };
  const match = DIRECTION.exec(trimmed);
  if (!match) return { kind: 'invalid', reason: 'say below or above and a price' };
  const price = parsePrice(match[3]!);
  if (price === null) return { kind: 'invalid', reason: `"${match[3]!}" is not a price (try 900k or 1.2m)` };
  const word = match[2]!.toLowerCase();
  return { kind: 'add', query: match[1]!, direction: word === 'below' || word === 'under' || word === '<' ? 'below' : 'above', price };
}

export function alertCommand(service: EftService): CommandDefinition {
  return {
    name: 'alert',
    aliases: ['alerts', 'pricealert'],
    description: 'Sets a flea price alert: the bot says so in chat when a price refresh crosses it.',
    usage: USAGE,
    userCooldownSeconds: 5,
    run: async (ctx) => {
      const channel = ctx.message.channel;
      const isMod = meetsLevel(userLevelOf(ctx.message.roles), 'moderator');
      const request = parseAlertArgs(ctx.argsText);
      switch (request.kind) {
        case 'invalid':
          return failureAnswer({ ok: false, error: 'eft.bad_input', message: request.reason }, USAGE);
        case 'list': {
          const alerts = await service.listAlerts(channel);
          if (alerts.length === 0) return 'No pending price alerts.';
          const list = alerts.map((a) => `#${a.id} ${a.itemName} ${a.direction} ${formatMoney(a.price)}${a.gameMode === 'pve' ? ' (PvE)' : ''} by ${a.createdBy}`);
          return fitMessage(`Alerts: ${list.join(', ')}`);
        }
        case 'delete': {
          const result = await service.removeAlert(channel, request.id, isMod ? undefined : ctx.message.login);
          return result.ok ? `Alert #${request.id} removed.` : failureAnswer(result);
        }
        case 'add': {
          const { settings, market } = channelMarket(ctx);
          const result = await service.addAlert({
            channel,
            login: ctx.message.login,
            query: request.query,
            direction: request.direction,
            price: request.price,
            market,
            limits: { perViewer: isMod ? undefined : settings.alertsPerViewer, perChannel: settings.alertsPerChannel },
          });
          if (!result.ok) return failureAnswer(result, USAGE);
          const already = request.direction === 'below' ? result.current <= request.price : result.current >= request.price;
          const now = `now ${formatMoney(result.current)}${already ? ', already there: it fires at the next price refresh' : ''}`;
          return fitMessage(`Alert #${result.alert.id}: ${result.item.name} ${request.direction} ${formatMoney(request.price)} (${now}).`);
        }
      }
    },
  };
}
