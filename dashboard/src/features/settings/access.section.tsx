import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { keys } from '../../api/queries.ts';
import type { ChannelRole } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { Empty, ErrorNotice, Loading } from '../../components/states.tsx';
import { GRANTABLE_ROLES, KEY_ROLES, validateGrantLogin, validateKeyName } from './settings.model.ts';

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Dashboard roles the owner grants to others. */
export function RolesSection({ channel }: { channel: string }) {
  const roles = useQuery({ queryKey: keys.roles(channel), queryFn: () => api.roles(channel) });
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<(typeof GRANTABLE_ROLES)[number]>('moderator');
  const [touched, setTouched] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.roles(channel) });
  const grant = useMutation({
    mutationFn: () => api.grantRole(channel, login.toLowerCase(), role),
    onSuccess: () => {
      setLogin('');
      setTouched(false);
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (who: string) => api.revokeRole(channel, who), onSuccess: refresh });
  const loginError = touched ? validateGrantLogin(login, channel) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!validateGrantLogin(login, channel)) grant.mutate();
  };
  return (
    <>
      {roles.isPending && <Loading what="roles" />}
      {roles.isError && <ErrorNotice error={roles.error} retry={() => void roles.refetch()} />}
      {roles.data?.length === 0 && <Empty>Only you have access. Grant mods or editors a role below.</Empty>}
      {roles.data && roles.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Granted by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.data.map((r) => (
              <tr key={r.userLogin}>
                <td>{r.userLogin}</td>
                <td>{r.role}</td>
                <td>
                  {r.grantedBy} · {date.format(new Date(r.grantedAt))}
                </td>
                <td className="cell-actions">
                  <button type="button" className="button button-small button-danger" onClick={() => revoke.mutate(r.userLogin)} aria-label={`Take the role away from ${r.userLogin}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <form onSubmit={submit} className="row row-end" aria-label="Grant a role">
        <Field label="Twitch login" error={loginError}>
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="Role">
          <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            {GRANTABLE_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={grant.isPending}>
          Grant
        </button>
      </form>
      {grant.isError && <ErrorNotice error={grant.error} />}
    </>
  );
}

/** API keys: created once (the key is shown a single time), listed without the secret, revoked. */
export function ApiKeysSection({ channel }: { channel: string }) {
  const list = useQuery({ queryKey: keys.apiKeys(channel), queryFn: () => api.apiKeys(channel) });
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ChannelRole>('viewer');
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.apiKeys(channel) });
  const create = useMutation({
    mutationFn: () => api.createApiKey(channel, name.trim(), role),
    onSuccess: (answer) => {
      setCreated(answer.key);
      setName('');
      setTouched(false);
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api.revokeApiKey(channel, id), onSuccess: refresh });
  const nameError = touched ? validateKeyName(name) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!validateKeyName(name)) create.mutate();
  };
  return (
    <>
      {created && (
        <div className="notice notice-ok" role="status">
          <div className="stack">
            <strong>Copy this key now: it will not be shown again.</strong>
            <code className="secret" aria-label="New API key">
              {created}
            </code>
          </div>
          <div className="row">
            <button type="button" className="button button-small" onClick={() => void navigator.clipboard?.writeText(created)}>
              Copy
            </button>
            <button type="button" className="button button-small button-ghost" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {list.isPending && <Loading what="API keys" />}
      {list.isError && <ErrorNotice error={list.error} retry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Empty>No API keys yet.</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{k.role}</td>
                <td>
                  {date.format(new Date(k.createdAt))} by {k.createdBy}
                </td>
                <td>{k.lastUsedAt ? date.format(new Date(k.lastUsedAt)) : 'never'}</td>
                <td className="cell-actions">
                  <button type="button" className="button button-small button-danger" onClick={() => revoke.mutate(k.id)} aria-label={`Revoke the key ${k.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <form onSubmit={submit} className="row row-end" aria-label="Create an API key">
        <Field label="Key name" error={nameError}>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={80} />
        </Field>
        <Field label="Role">
          <select value={role} onChange={(e) => setRole(e.target.value as ChannelRole)}>
            {KEY_ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button" disabled={create.isPending}>
          Create key
        </button>
      </form>
      {create.isError && <ErrorNotice error={create.error} />}
    </>
  );
}
