import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Puts a new random key first in the key file (the old keys stay, so existing secrets still open). */
export function prependNewKey(path: string): void {
  const existing = readFileSync(path, 'utf8').trim();
  writeKeyFile(path, [randomBytes(32).toString('base64'), existing].filter(Boolean).join('\n'));
}

/** Keeps only the newest key, once every secret is sealed with it. */
export function dropOldKeys(path: string): void {
  const [newest] = readFileSync(path, 'utf8').trim().split('\n');
  writeKeyFile(path, newest ?? '');
}

// Write-then-rename, so a crash never leaves a half-written key file.
function writeKeyFile(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, `${content}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}
