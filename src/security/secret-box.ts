import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';

/** A stored secret that cannot be opened: wrong key, unknown key id, or tampered data. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/**
 * AES-256-GCM encryption for secrets at rest (Twitch and other tokens). Every sealed value names the
 * id of the key that sealed it, so keys can rotate: the box opens values of every key it holds and
 * seals with the first. Sealed form: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly current: { id: string; key: Buffer };

  /** `keys`: 32-byte keys, the one to seal with first. */
  constructor(keys: Buffer[]) {
    if (keys.length === 0) throw new SecretBoxError('no encryption key');
    for (const key of keys) if (key.length !== 32) throw new SecretBoxError('an encryption key must be 32 bytes');
    this.keys = new Map(keys.map((key) => [keyId(key), key]));
    this.current = { id: keyId(keys[0]!), key: keys[0]! };
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
  }

  open(sealed: string): string {
    const [format, id, iv, tag, data] = sealed.split(':');
    if (format !== FORMAT || !id || !iv || !tag || data === undefined) throw new SecretBoxError('not a sealed secret');
    const key = this.keys.get(id);
    if (!key) throw new SecretBoxError(`sealed with key ${id}, which is not configured`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('a sealed secret failed authentication (tampered, or the wrong key)');
    }
  }

  /** The key id a sealed value names, without opening it. */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split(':')[1];
  }
}

/** `sealed` re-sealed with the box's current key, or unchanged when it already is. */
export function resealed(box: SecretBox, sealed: string): string {
  return SecretBox.keyIdOf(sealed) === box.currentKeyId ? sealed : box.seal(box.open(sealed));
}

/** A short, stable, non-secret name for a key. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Parses base64 keys separated by commas (ENCRYPTION_KEYS: newest first). */
export function parseKeys(value: string): Buffer[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => Buffer.from(part, 'base64'));
}

/**
 * The key file used when no key is configured: created on first start with a random key, readable
 * by its owner only. Losing it makes stored tokens unreadable (the bot then asks to re-authorize).
 */
export function loadOrCreateKeyFile(path: string): Buffer[] {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(path, 0o600);
  return parseKeys(readFileSync(path, 'utf8').replace(/\n/g, ','));
}
