import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { SandboxRole } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { SANDBOX_EVENTS, sandboxEventBody, validateLogin, validateMessage, type SandboxEventKind } from './sandbox.model.ts';

type Speaker = 'viewer' | SandboxRole;

const SPEAKERS: { value: Speaker; label: string }[] = [
  { value: 'viewer', label: 'Viewer' },
  { value: 'subscriber', label: 'Subscriber' },
  { value: 'vip', label: 'VIP' },
  { value: 'moderator', label: 'Moderator' },
  { value: 'broadcaster', label: 'Broadcaster' },
];

/**
 * Sandbox mode only: talk in the channel as any viewer, sub, mod or the broadcaster, and fire
 * Twitch events, so a newcomer sees the bot work without a Twitch account.
 */
export function SandboxPanel({ channel }: { channel: string }) {
  const [speaker, setSpeaker] = useState<Speaker>('viewer');
  const [login, setLogin] = useState('viewer1');
  const [text, setText] = useState('');
  const [firstMessage, setFirstMessage] = useState(false);
  const [touched, setTouched] = useState(false);
  const [eventKind, setEventKind] = useState<SandboxEventKind>('follow');
  const [amount, setAmount] = useState('');

  const speakerLogin = speaker === 'broadcaster' ? channel : login;
  const loginError = validateLogin(speakerLogin);
  const textError = touched ? validateMessage(text) : null;

  const say = useMutation({
    mutationFn: () =>
      api.sandboxChat({ channel, login: speakerLogin.toLowerCase(), roles: speaker === 'viewer' ? [] : [speaker], text, ...(firstMessage ? { firstMessage } : {}) }),
    onSuccess: () => {
      setText('');
      setTouched(false);
    },
  });
  const fire = useMutation({ mutationFn: () => api.sandboxEvent(sandboxEventBody(channel, eventKind, speakerLogin.toLowerCase(), amount)) });

  const submitChat = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (loginError || validateMessage(text)) return;
    say.mutate();
  };
  const submitEvent = (e: FormEvent) => {
    e.preventDefault();
    if (!loginError) fire.mutate();
  };
  const event = SANDBOX_EVENTS[eventKind];

  return (
    <aside className="sandbox-panel card" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">Sandbox chat</h2>
      <p className="muted small">The bot runs against a local Twitch. Talk to it as anyone.</p>
      <form onSubmit={submitChat} className="stack" aria-label="Say something in chat">
        <div className="row">
          <Field label="Speak as">
            <select value={speaker} onChange={(e) => setSpeaker(e.target.value as Speaker)}>
              {SPEAKERS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Login" error={loginError}>
            <input value={speakerLogin} onChange={(e) => setLogin(e.target.value)} disabled={speaker === 'broadcaster'} autoComplete="off" spellCheck={false} />
          </Field>
        </div>
        <Field label="Message" error={textError}>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder="!commands" autoComplete="off" maxLength={500} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={firstMessage} onChange={(e) => setFirstMessage(e.target.checked)} /> First message in the channel
        </label>
        <button type="submit" className="button button-primary" disabled={say.isPending}>
          Send
        </button>
        {say.isError && (
          <p className="field-error" role="alert">
            {messageOf(say.error)}
          </p>
        )}
      </form>
      <form onSubmit={submitEvent} className="stack sandbox-events" aria-label="Fire a Twitch event">
        <h3>Events</h3>
        <div className="row">
          <Field label="Event">
            <select value={eventKind} onChange={(e) => setEventKind(e.target.value as SandboxEventKind)}>
              {Object.entries(SANDBOX_EVENTS).map(([kind, e]) => (
                <option key={kind} value={kind}>
                  {e.label}
                </option>
              ))}
            </select>
          </Field>
          {event.amount && (
            <Field label={event.amount.label}>
              <input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={event.amount.placeholder} inputMode={event.amount.numeric ? 'numeric' : 'text'} />
            </Field>
          )}
        </div>
        <button type="submit" className="button" disabled={fire.isPending}>
          Fire {event.label.toLowerCase()} from {speakerLogin || '…'}
        </button>
        {fire.isError && (
          <p className="field-error" role="alert">
            {messageOf(fire.error)}
          </p>
        )}
        {fire.isSuccess && (
          <p className="muted small" role="status">
            Fired.
          </p>
        )}
      </form>
    </aside>
  );
}
