import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, test } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { startSandbox, type Sandbox } from '../../sandbox/sandbox.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../db/test-db.ts';
import { buildTestApp, cookieFrom, loginAs, TEST_JWT_SECRET, type TestApp } from '../http.testing.ts';
import { AccessTokens } from './access-tokens.ts';

let sandbox: Sandbox;
let database: Database;
let t: TestApp;
before(async () => {
  sandbox = await startSandbox({ ircPort: 0, httpPort: 0 });
  database = await createTestDb();
  t = await buildTestApp({ database, authUrl: `${sandbox.httpUrl}/auth` });
  await t.channels.join('streamer');
});
after(async () => {
  await t.app.close();
  await database.close();
  await sandbox.close();
});

const me = (token: string) => t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });

test('Twitch login with state and PKCE, then a session: refresh cookie httpOnly + SameSite=Strict, access token works', async () => {
  const start = await t.app.inject('/api/auth/login');
  const authorize = new URL(start.headers.location as string);
  assert.equal(authorize.origin + authorize.pathname, `${sandbox.httpUrl}/auth/authorize`);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.match(authorize.searchParams.get('code_challenge')!, /^[\w-]{43}$/);
  assert.equal(authorize.searchParams.get('redirect_uri'), 'http://bot.test/api/auth/callback');

  const { accessToken } = await loginAs(t.app, 'streamer');
  const response = await me(accessToken);
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json().channels, [{ channel: 'streamer', role: 'owner' }]);
  assert.equal(response.json().user.login, 'streamer');

  const done = await t.app.inject('/api/auth/login');
  assert.match(String(done.headers['set-cookie']), /HttpOnly/);
});

test('a callback whose state does not match the browser\'s cookie is refused', async () => {
  const start = await t.app.inject('/api/auth/login');
  const approved = await fetch(start.headers.location as string, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location')!);
  const other = await t.app.inject('/api/auth/login');
  const otherState = cookieFrom(other.headers['set-cookie'], 'utb_oauth_state');
  const response = await t.app.inject({ url: `/api/auth/callback${callback.search}`, headers: { cookie: otherState } });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().error.code, 'auth.login_failed');
  const replay = await t.app.inject({ url: `/api/auth/callback${callback.search}` });
  assert.equal(replay.statusCode, 400, 'no cookie at all');
  assert.match(await t.metrics.registry.metrics(), /utb_security_events_total\{kind="login_failed"\} [1-9]/);
});

test('refresh tokens rotate; reusing an old one revokes the whole family', async () => {
  const { refreshCookie } = await loginAs(t.app, 'streamer');
  const first = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: refreshCookie } });
  assert.equal(first.statusCode, 200);
  const rotated = cookieFrom(first.headers['set-cookie'], 'utb_refresh');
  assert.notEqual(rotated, refreshCookie);

  const replay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: refreshCookie } });
  assert.equal(replay.statusCode, 401, 'the old token is spent');
  const victim = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: rotated } });
  assert.equal(victim.statusCode, 401, 'reuse revoked the family, the newest token too');
  assert.match(await t.metrics.registry.metrics(), /utb_security_events_total\{kind="refresh_reuse"\} 1/);
});

test('logout ends the session', async () => {
  const { refreshCookie } = await loginAs(t.app, 'streamer');
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: refreshCookie } })).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie: refreshCookie } })).statusCode, 401);
});

test('tampered, expired, unsigned and algorithm-confused tokens are refused', async () => {
  const good = await new AccessTokens(TEST_JWT_SECRET).issue({ userId: '1', login: 'streamer' });
  assert.equal((await me(good)).statusCode, 200);
  const [header, payload, signature] = good.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), login: 'admin' })).toString('base64url');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const claims = { login: 'streamer' };
  const base = (jwt: SignJWT) => jwt.setSubject('1').setIssuer('utb').setAudience('utb-api').setIssuedAt();
  const tokens = {
    tampered: `${header}.${forgedPayload}.${signature}`,
    expired: await new AccessTokens(TEST_JWT_SECRET, -10).issue({ userId: '1', login: 'streamer' }),
    none: new UnsecuredJWT(claims).setSubject('1').setIssuer('utb').setAudience('utb-api').setExpirationTime('5m').encode(),
    rs256: await base(new SignJWT(claims).setProtectedHeader({ alg: 'RS256' })).setExpirationTime('5m').sign(privateKey),
    // HS/RS confusion: HMAC keyed with the public key, hoping a verifier treats that key as the secret.
    hsWithPublicKey: await base(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' })).setExpirationTime('5m').sign(Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }))),
    otherSecret: await new AccessTokens(Buffer.from('another-secret-another-secret-32b')).issue({ userId: '1', login: 'streamer' }),
    garbage: 'not.a.jwt',
  };
  for (const [name, token] of Object.entries(tokens)) {
    const response = await me(token);
    assert.equal(response.statusCode, 401, name);
    assert.equal(response.json().error.code, 'auth.invalid_token', name);
  }
  assert.equal((await t.app.inject('/api/me')).statusCode, 401, 'no token');
});

test('the broadcaster authorizes the bot for their channel; tokens are stored sealed and never shown', async () => {
  const { accessToken } = await loginAs(t.app, 'streamer');
  const auth = { authorization: `Bearer ${accessToken}` };
  const authorize = async (as: string) => {
    const started = await t.app.inject({ method: 'POST', url: '/api/channels/streamer/twitch-authorization', headers: auth });
    assert.equal(started.statusCode, 200, started.body);
    const url = new URL(started.json().url);
    assert.match(url.searchParams.get('scope')!, /channel:read:subscriptions/);
    url.searchParams.set('login', as);
    const approved = await fetch(url, { redirect: 'manual' });
    const callback = new URL(approved.headers.get('location')!);
    return t.app.inject({ url: `/api/auth/callback${callback.search}`, headers: { cookie: cookieFrom(started.headers['set-cookie'], 'utb_oauth_state') } });
  };
  const wrong = await authorize('someone_else');
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.code, 'auth.wrong_account');
  assert.equal((await t.app.inject({ url: '/api/channels/streamer/twitch-authorization', headers: auth })).json().authorized, false);

  const done = await authorize('streamer');
  assert.equal(done.statusCode, 302);
  assert.equal(done.headers.location, '/settings');
  const status = (await t.app.inject({ url: '/api/channels/streamer/twitch-authorization', headers: auth })).json();
  assert.equal(status.authorized, true);
  assert.equal(status.login, 'streamer');
  assert.deepEqual(status.missingScopes, []);
  assert.ok(!JSON.stringify(status).toLowerCase().includes('token'), 'no token in the answer');
  assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/channels/streamer/twitch-authorization', headers: auth })).statusCode, 204);
});
