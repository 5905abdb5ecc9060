// Twitch's device code flow (https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#device-code-grant-flow):
// suited to a self-hosted bot, which has no web page to redirect back to.

/** The scopes the bot account needs for chat and moderation through Helix. */
export const BOT_SCOPES = [
  'chat:read',
  'chat:edit',
  'user:bot',
  'user:read:chat',
  'user:write:chat',
  'moderator:manage:banned_users',
  'moderator:manage:chat_messages',
  'moderator:manage:announcements',
  'moderator:read:chatters',
  'moderator:read:followers',
];

export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  intervalSeconds: number;
  expiresInSeconds: number;
}

export interface DeviceTokens {
  accessToken: string;
  refreshToken: string;
  scopes: string[];
}

export async function requestDeviceCode(authUrl: string, clientId: string, scopes: string[]): Promise<DeviceCode> {
  const response = await fetch(`${authUrl}/device`, { method: 'POST', body: new URLSearchParams({ client_id: clientId, scopes: scopes.join(' ') }), signal: AbortSignal.timeout(10_000) });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body['device_code'] !== 'string') throw new Error(`Twitch refused the device code request (HTTP ${response.status}: ${String(body['message'] ?? 'no message')})`);
  return {
    deviceCode: body['device_code'],
    userCode: String(body['user_code']),
    verificationUri: String(body['verification_uri']),
    intervalSeconds: Number(body['interval']) || 5,
    expiresInSeconds: Number(body['expires_in']) || 1800,
  };
}

/** Polls until the user approved the code (or it expired), as fast as Twitch's interval allows. */
export async function waitForDeviceTokens(authUrl: string, clientId: string, code: DeviceCode, scopes: string[], sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<DeviceTokens> {
  const deadline = Date.now() + code.expiresInSeconds * 1000;
  while (Date.now() < deadline) {
    const response = await fetch(`${authUrl}/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId, scopes: scopes.join(' '), device_code: code.deviceCode, grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok && typeof body['access_token'] === 'string' && typeof body['refresh_token'] === 'string') {
      return { accessToken: body['access_token'], refreshToken: body['refresh_token'], scopes: Array.isArray(body['scope']) ? body['scope'].map(String) : [] };
    }
    if (body['message'] !== 'authorization_pending') throw new Error(`Twitch refused the device code (HTTP ${response.status}: ${String(body['message'] ?? 'no message')})`);
    await sleep(code.intervalSeconds * 1000);
  }
  throw new Error('the device code expired before it was approved');
}
