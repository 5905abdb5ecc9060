import type { Clock } from '../../core/ports.ts';
import type { ChatterPicker } from './template/variables/chance.variables.ts';

const WINDOW_MS = 15 * 60_000;
const PER_CHANNEL = 200;

/** Who chatted lately, per channel, in memory: the last 200 chatters of each channel, for `$(randomuser)`. */
export class RecentChatters implements ChatterPicker {
  // A Map keeps insertion order: re-inserting on each message keeps the most recent chatter last.
  private readonly channels = new Map<string, Map<string, { name: string; at: number }>>();

  constructor(private readonly clock: Clock) {}

  seen(channel: string, login: string, displayName: string): void {
    let chatters = this.channels.get(channel);
    if (!chatters) this.channels.set(channel, (chatters = new Map()));
    chatters.delete(login);
    chatters.set(login, { name: displayName || login, at: this.clock.now() });
    if (chatters.size > PER_CHANNEL) chatters.delete(chatters.keys().next().value!);
  }

  pick(channel: string, random: () => number): string | undefined {
    const since = this.clock.now() - WINDOW_MS;
    const recent = [...(this.channels.get(channel)?.values() ?? [])].filter((c) => c.at >= since);
    return recent[Math.floor(random() * recent.length)]?.name;
  }
}
