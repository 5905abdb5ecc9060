// Helpers for the Twitch adapters' tests, which run against the sandbox (a fake that follows Twitch's shapes).
import type { Logger } from '../../core/ports.ts';

/** A logger that keeps every line as JSON, so tests can assert that no secret reached it. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (obj: object, msg?: string) => void lines.push(JSON.stringify({ level, msg, ...obj }));
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

/** Tokens for `login` through the sandbox's device-code flow, which approves at once. */
export async function deviceTokens(authUrl: string, login: string): Promise<{ accessToken: string; refreshToken: string }> {
  const device = (await (await fetch(`${authUrl}/device`, { method: 'POST', body: new URLSearchParams({ client_id: 'test-client', login, scopes: 'chat:read chat:edit' }) })).json()) as { device_code: string };
  const token = (await (
    await fetch(`${authUrl}/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'test-client', device_code: device.device_code, grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }),
    })
  ).json()) as { access_token: string; refresh_token: string };
  return { accessToken: token.access_token, refreshToken: token.refresh_token };
}
