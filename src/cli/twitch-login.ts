// `npm run twitch:login`: authorizes the bot account through Twitch's device code flow and prints
// the settings to put into .env. Needs TWITCH_CLIENT_ID (a public client registered on dev.twitch.tv).
import { BOT_SCOPES, requestDeviceCode, waitForDeviceTokens } from '../adapters/twitch/device-login.ts';
import { UserToken } from '../adapters/twitch/user-token.ts';
import { ConfigError, loadConfig } from '../config.ts';

try {
  const config = loadConfig({ ...process.env, TWITCH_BOT_ACCESS_TOKEN: undefined });
  const clientId = config.TWITCH_CLIENT_ID;
  if (!clientId) throw new ConfigError('TWITCH_CLIENT_ID: required to log in (register an application at dev.twitch.tv)');
  const authUrl = config.TWITCH_AUTH_URL;
  const code = await requestDeviceCode(authUrl, clientId, BOT_SCOPES);
  console.error(`Log in as the bot account at ${code.verificationUri} and enter the code ${code.userCode}. Waiting…`);
  const tokens = await waitForDeviceTokens(authUrl, clientId, code, BOT_SCOPES);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const info = await new UserToken({ authUrl, clientId, ...tokens, logger: silent }).validate();
  console.error(`Authorized ${info.login} (${info.scopes.length} scopes). Add these lines to .env and keep it private:`);
  console.log(`TWITCH_BOT_LOGIN=${info.login}`);
  console.log(`TWITCH_BOT_ACCESS_TOKEN=${tokens.accessToken}`);
  console.log(`TWITCH_BOT_REFRESH_TOKEN=${tokens.refreshToken}`);
} catch (error) {
  console.error(`twitch:login failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
