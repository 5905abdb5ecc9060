import { useEffect, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { commandsApi, type Preview } from './commands.api.ts';

const DEBOUNCE_MS = 300;
// The preview route's limits: a Twitch login, and at most 9 arguments of 100 characters.
const SAMPLE_USER = /^[a-z0-9_]{1,25}$/;
const MAX_ARGS = 9;

function sampleProblem(user: string, args: string[]): string | null {
  if (!SAMPLE_USER.test(user)) return 'The sample user is a Twitch login: lowercase letters, digits and _';
  if (args.length > MAX_ARGS) return `At most ${MAX_ARGS} words after the command`;
  return args.some((a) => a.length > 100) ? 'Each word at most 100 characters' : null;
}

type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; preview: Preview } | { status: 'error'; message: string };

/**
 * "Try it": the template expanded by the bot's own engine for a sample user typing these words
 * after the command (live variables such as counters show as placeholders, nothing changes).
 * Asks again a moment after the typing stops; an older answer never replaces a newer one.
 */
export function TemplatePreview({ channel, template }: { channel: string; template: string }) {
  const [user, setUser] = useState('sample_viewer');
  const [argsText, setArgsText] = useState('');
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const args = argsText.trim() === '' ? [] : argsText.trim().split(/\s+/);
  const problem = sampleProblem(user, args);
  const argsKey = args.join(' ');

  useEffect(() => {
    if (template.trim() === '' || problem) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'loading' });
      commandsApi
        .preview(channel, { template, args: argsKey === '' ? [] : argsKey.split(' '), user }, abort.signal)
        .then((preview) => setState({ status: 'done', preview }))
        .catch((error: unknown) => {
          if (!abort.signal.aborted) setState({ status: 'error', message: messageOf(error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [channel, template, argsKey, user, problem]);

  return (
    <section className="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Try it</h3>
      <div className="row">
        <label className="preview-args">
          <span>Sample user</span>
          <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label className="preview-args">
          <span>Chat after the command</span>
          <input value={argsText} onChange={(e) => setArgsText(e.target.value)} placeholder="e.g. @someone 42" autoComplete="off" />
        </label>
      </div>
      <div className="preview-out" aria-live="polite">
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
        {!problem && state.status === 'idle' && <span className="muted">Write a response to see what the bot would say.</span>}
        {!problem && state.status === 'loading' && <span className="muted">Expanding…</span>}
        {!problem && state.status === 'error' && (
          <span className="field-error" role="alert">
            {state.message}
          </span>
        )}
        {!problem && state.status === 'done' && (
          <>
            <p className="preview-text" data-testid="preview-text">
              {state.preview.text}
            </p>
            {state.preview.warnings.length > 0 && (
              <ul className="preview-warnings">
                {state.preview.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
