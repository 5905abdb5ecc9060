import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSandbox } from './sandbox.ts';
import { call, LineClient } from './sandbox.testing.ts';

test('OAuth: authorize, exchange, validate, refresh, revoke, and the tokens the sandbox takes on trust', async () => {
  const sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  const irc = await LineClient.login(sandbox.ircPort, 'ircbot');
  try {
    const authorize = await fetch(`${sandbox.httpUrl}/auth/authorize?client_id=app&redirect_uri=http://localhost:9/cb&response_type=code&scope=chat:read+chat:edit&state=xyz&login=streamer`, { redirect: 'manual' });
    assert.equal(authorize.status, 302);
    const location = new URL(authorize.headers.get('location') ?? '');
    assert.equal(`${location.origin}${location.pathname}`, 'http://localhost:9/cb');
    assert.equal(location.searchParams.get('state'), 'xyz');
    const code = location.searchParams.get('code') ?? '';

    const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const exchanged = await call(sandbox.httpUrl, '/auth/token', { ...form, body: new URLSearchParams({ client_id: 'app', client_secret: 's', code, grant_type: 'authorization_code', redirect_uri: 'http://localhost:9/cb' }).toString() });
    assert.equal(exchanged.status, 200);
    const tokens = exchanged.body as { access_token: string; refresh_token: string; expires_in: number; scope: string[]; token_type: string };
    assert.deepEqual(tokens.scope, ['chat:read', 'chat:edit']);
    assert.equal(tokens.token_type, 'bearer');
    assert.equal((await call(sandbox.httpUrl, '/auth/token', { ...form, body: `client_id=app&code=${code}&grant_type=authorization_code` })).status, 400, 'a code works once');

    const validated = await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: `OAuth ${tokens.access_token}` } });
    assert.equal(validated.status, 200);
    const info = validated.body as { client_id: string; login: string; user_id: string; scopes: string[]; expires_in: number };
    assert.equal(info.login, 'streamer');
    assert.equal(info.client_id, 'app');
    assert.match(info.user_id, /^\d+$/);
    assert.ok(info.expires_in > 0);

    // Twitch clients may pass the parameters in the query string instead of a form
    const refreshed = await call(sandbox.httpUrl, `/auth/token?grant_type=refresh_token&refresh_token=${tokens.refresh_token}&client_id=app&client_secret=s`, { method: 'POST' });
    assert.equal(refreshed.status, 200);
    const fresh = refreshed.body as { access_token: string };
    assert.equal((await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: `OAuth ${tokens.access_token}` } })).status, 401);
    assert.equal((await call(sandbox.httpUrl, `/auth/revoke?client_id=app&token=${fresh.access_token}`, { method: 'POST' })).status, 200);
    assert.deepEqual((await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: `OAuth ${fresh.access_token}` } })).body, { status: 401, message: 'invalid access token' });

    const app = await call(sandbox.httpUrl, '/auth/token?grant_type=client_credentials&client_id=app&client_secret=s', { method: 'POST' });
    assert.equal((app.body as { token_type: string }).token_type, 'bearer');

    const device = (await call(sandbox.httpUrl, '/auth/device?client_id=app&scopes=chat:read&login=devuser', { method: 'POST' })).body as { device_code: string; user_code: string };
    const deviceToken = await call(sandbox.httpUrl, `/auth/token?grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code=${device.device_code}&client_id=app`, { method: 'POST' });
    const deviceInfo = await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: `OAuth ${(deviceToken.body as { access_token: string }).access_token}` } });
    assert.equal((deviceInfo.body as { login: string }).login, 'devuser');

    assert.equal(((await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: 'OAuth sandbox-helper' } })).body as { login: string }).login, 'helper');
    assert.equal(((await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: 'OAuth sandbox-test' } })).body as { login: string }).login, 'ircbot', 'the login this token was used with on IRC');
    assert.equal((await call(sandbox.httpUrl, '/auth/validate', { headers: { authorization: 'OAuth made-up' } })).status, 401);
  } finally {
    irc.close();
    await sandbox.close();
  }
});
