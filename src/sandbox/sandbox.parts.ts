import type { ChatService } from './chat.service.ts';
import type { EventSubHub } from './eventsub.socket.ts';
import type { IrcServer } from './irc.server.ts';
import type { SandboxState } from './sandbox.state.ts';

/** The pieces of one running sandbox, handed to its HTTP routes. */
export interface SandboxParts {
  state: SandboxState;
  irc: IrcServer;
  eventsub: EventSubHub;
  chat: ChatService;
}
