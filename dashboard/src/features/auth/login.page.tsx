import { loginUrl } from '../../api/client.ts';

/** Shown to anyone without a session, whatever page they asked for; they come back to it after login. */
export function LoginPage({ returnTo }: { returnTo: string }) {
  return (
    <div className="page-center">
      <section className="card login-card" aria-labelledby="login-title">
        <div className="brand-mark brand-mark-large" aria-hidden="true">
          ◆
        </div>
        <h1 id="login-title">UltimateTwitchBot</h1>
        <p className="muted">Commands, moderation and a live view of your chat, for you and your mods.</p>
        <a className="button button-primary button-large" href={loginUrl(returnTo)}>
          Log in with Twitch
        </a>
        <p className="muted small">
          Running the bot without a Twitch account? In sandbox mode the login goes through the local sandbox and signs you in as the
          channel owner <code>sandbox</code>.
        </p>
      </section>
    </div>
  );
}
