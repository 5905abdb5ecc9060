import { useSyncExternalStore, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { logout, session } from '../api/client.ts';
import { useMe } from '../api/queries.ts';
import { useTheme } from './theme.ts';

const PAGES = [
  { to: '', label: 'Overview' },
  { to: 'monitor', label: 'Live monitor' },
  { to: 'commands', label: 'Commands' },
  { to: 'moderation', label: 'Moderation' },
  { to: 'settings', label: 'Settings' },
];

/** The frame of every signed-in page: header, channel switcher, page navigation. */
export function Shell({ channel, children }: { channel?: string; children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.get);
  const [theme, toggleTheme] = useTheme();
  const navigate = useNavigate();
  const me = useMe();
  const channels = me.data?.channels ?? [];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand-name">UltimateTwitchBot</span>
        </Link>
        {channel && channels.length > 0 && (
          <label className="channel-switch">
            <span className="visually-hidden">Channel</span>
            <select value={channel} onChange={(e) => navigate(`/c/${e.target.value}`)}>
              {channels.map((c) => (
                <option key={c.channel} value={c.channel}>
                  #{c.channel}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="topbar-actions">
          <button type="button" className="button button-ghost" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          {state.status === 'signed_in' && <span className="user-login">{state.user.login}</span>}
          <button type="button" className="button button-ghost" onClick={() => void logout().then(() => navigate('/'))}>
            Log out
          </button>
        </div>
      </header>
      {channel && (
        <nav className="pagenav" aria-label="Channel pages">
          {PAGES.map((page) => (
            <NavLink key={page.to} to={`/c/${channel}${page.to ? `/${page.to}` : ''}`} end={page.to === ''} className="pagenav-link">
              {page.label}
            </NavLink>
          ))}
        </nav>
      )}
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
