/** Everything the sandbox knows: users, channels, recent messages, tokens, and the records the control API reads. */
import { TokenStore } from './auth.tokens.ts';
import { ChatLimits, type ViolationKind } from './limits.ts';
import type { Role } from './roles.ts';
import { UserRegistry, type User } from './users.registry.ts';

export interface SentRecord {
  channel: string;
  text: string;
  replyParentId: string | null;
  via: 'irc' | 'helix';
  at: number;
}

export interface HelixRecord {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  at: number;
}

export interface ViolationRecord {
  kind: ViolationKind;
  channel: string;
  at: number;
}

export interface Stream {
  live: boolean;
  id: string;
  title: string;
  gameName: string;
  viewers: number;
  startedAt: string;
}

export interface Channel {
  owner: User;
  moderators: Set<string>;
  stream: Stream;
  /** user id -> followed_at */
  followers: Map<string, string>;
  /** user id -> end of a timeout (epoch ms), or null for a ban */
  bans: Map<string, number | null>;
}

export interface StoredMessage {
  id: string;
  channel: string;
  user: User;
  roles: ReadonlySet<Role>;
  /** The PRIVMSG text as on the wire, `\x01ACTION ...\x01` included. */
  text: string;
  bits: number;
  firstMessage: boolean;
  clientNonce: string | null;
  sentAt: number;
  replyParent: StoredMessage | null;
}

/** The message a reply thread started from (the message itself when it is no reply). */
export function threadRoot(m: StoredMessage): StoredMessage {
  let root = m;
  while (root.replyParent) root = root.replyParent;
  return root;
}

const MAX_RECORDS = 50_000;
const MAX_MESSAGES = 10_000;
const GAME_IDS: Record<string, string> = { 'Just Chatting': '509658', 'Escape from Tarkov': '491931' };

/** An append-only list with increasing `seq`, read with "everything after seq N". */
export class RecordLog<T> {
  private items: (T & { seq: number })[] = [];
  private seq = 0;

  add(item: T): T & { seq: number } {
    const record = { seq: ++this.seq, ...item };
    this.items.push(record);
    if (this.items.length > MAX_RECORDS) this.items.splice(0, this.items.length - MAX_RECORDS);
    return record;
  }

  after(seq: number, keep: (item: T) => boolean = () => true): (T & { seq: number })[] {
    return this.items.filter((r) => r.seq > seq && keep(r));
  }

  /** Forgets the records; seq keeps counting so a reader's `after` stays meaningful. */
  clear(): void {
    this.items = [];
  }
}

export interface StateOptions {
  channels: string[];
  moderators: Record<string, string[]>;
  limitTimeScale: number;
}

export class SandboxState {
  readonly users = new UserRegistry();
  readonly tokens = new TokenStore();
  readonly sent = new RecordLog<SentRecord>();
  readonly helix = new RecordLog<HelixRecord>();
  readonly violations = new RecordLog<ViolationRecord>();
  readonly limits: ChatLimits;
  private readonly channels = new Map<string, Channel>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly gameIds = new Map(Object.entries(GAME_IDS));

  constructor(options: StateOptions) {
    this.limits = new ChatLimits(options.limitTimeScale);
    for (const name of options.channels) this.channel(name);
    for (const [name, logins] of Object.entries(options.moderators)) {
      for (const login of logins) this.channel(name).moderators.add(login);
    }
  }

  /** The channel owned by this (normalized) login, created on first use like any Twitch account. */
  channel(login: string): Channel {
    let channel = this.channels.get(login);
    if (!channel) {
      const owner = this.users.user(login);
      channel = {
        owner,
        moderators: new Set(),
        stream: { live: false, id: '', title: `${owner.displayName}'s sandbox stream`, gameName: 'Just Chatting', viewers: 0, startedAt: '' },
        followers: new Map(),
        bans: new Map(),
      };
      this.channels.set(login, channel);
    }
    return channel;
  }

  channelById(id: string): Channel | undefined {
    const user = this.users.byId(id);
    return user ? this.channel(user.login) : undefined;
  }

  allChannels(): Channel[] {
    return [...this.channels.values()];
  }

  /** The roles a login holds in a channel by itself: broadcaster of its own, moderator where modded. */
  standingRoles(login: string, channel: string): Set<Role> {
    const roles = new Set<Role>();
    if (login === channel) roles.add('broadcaster');
    if (this.channels.get(channel)?.moderators.has(login)) roles.add('moderator');
    return roles;
  }

  gameId(name: string): string {
    let id = this.gameIds.get(name);
    if (id === undefined) {
      id = String(900_000 + this.gameIds.size);
      this.gameIds.set(name, id);
    }
    return id;
  }

  remember(message: StoredMessage): void {
    this.messages.set(message.id, message);
    if (this.messages.size > MAX_MESSAGES) {
      const oldest = this.messages.keys().next().value;
      if (oldest !== undefined) this.messages.delete(oldest);
    }
  }

  message(id: string): StoredMessage | undefined {
    return this.messages.get(id);
  }

  /** Forgets what the control API reports, and the limit history so a test starts from a clean slate. */
  reset(): void {
    this.sent.clear();
    this.helix.clear();
    this.violations.clear();
    this.limits.reset();
  }
}
