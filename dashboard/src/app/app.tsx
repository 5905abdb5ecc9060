import { useSyncExternalStore, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { session } from '../api/client.ts';
import { ChannelPickerPage } from '../features/auth/channel-picker.page.tsx';
import { LoginPage } from '../features/auth/login.page.tsx';
import { CommandsPage } from '../features/commands/commands.page.tsx';
import { ModerationPage } from '../features/moderation/moderation.page.tsx';
import { MonitorPage } from '../features/monitor/monitor.page.tsx';
import { OverviewPage } from '../features/overview/overview.page.tsx';
import { SettingsPage } from '../features/settings/settings.page.tsx';
import { Loading } from '../components/states.tsx';
import { ChannelLayout } from './channel.layout.tsx';
import { Shell } from './shell.tsx';

export function App() {
  return (
    <Routes>
      <Route
        path="/"
        element={
          <RequireSession>
            <Shell>
              <ChannelPickerPage />
            </Shell>
          </RequireSession>
        }
      />
      <Route
        path="/c/:channel"
        element={
          <RequireSession>
            <ChannelLayout />
          </RequireSession>
        }
      >
        <Route index element={<OverviewPage />} />
        <Route path="monitor" element={<MonitorPage />} />
        <Route path="commands" element={<CommandsPage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="settings" element={<SettingsPage />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.get);
  const location = useLocation();
  if (state.status === 'checking') return <div className="page-center"><Loading what="your session" /></div>;
  if (state.status === 'anonymous') return <LoginPage returnTo={location.pathname + location.search} />;
  return children;
}

function NotFound() {
  return (
    <div className="page-center">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          <Link to="/">Back to your channels</Link>
        </p>
      </div>
    </div>
  );
}
