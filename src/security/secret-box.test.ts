import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadOrCreateKeyFile, SecretBox, SecretBoxError } from './secret-box.ts';

test('round-trips a secret; the sealed form hides it and differs every time', () => {
  const box = new SecretBox([randomBytes(32)]);
  const a = box.seal('oauth-token-123');
  assert.equal(box.open(a), 'oauth-token-123');
  assert.ok(!a.includes('oauth-token-123'));
  assert.notEqual(box.seal('oauth-token-123'), a);
  assert.equal(SecretBox.keyIdOf(a), box.currentKeyId);
});

test('rotation: a box with the new key first opens values sealed with the old one and seals with the new', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const sealedOld = new SecretBox([oldKey]).seal('secret');
  const rotated = new SecretBox([newKey, oldKey]);
  assert.equal(rotated.open(sealedOld), 'secret');
  assert.equal(SecretBox.keyIdOf(rotated.seal('secret')), rotated.currentKeyId);
  assert.throws(() => new SecretBox([newKey]).open(sealedOld), /not configured/);
});

test('tampering and wrong keys are refused', () => {
  const box = new SecretBox([randomBytes(32)]);
  const sealed = box.seal('secret');
  const parts = sealed.split(':');
  parts[4] = Buffer.from('other').toString('base64url');
  assert.throws(() => box.open(parts.join(':')), SecretBoxError);
  assert.throws(() => box.open('plain text'), /not a sealed secret/);
  assert.throws(() => new SecretBox([randomBytes(16)]), /32 bytes/);
});

test('the key file is created once, owner-readable only, and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'utb-key-'));
  try {
    const path = join(dir, 'keys', 'secret.key');
    const first = loadOrCreateKeyFile(path);
    assert.equal(first[0]!.length, 32);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateKeyFile(path), first);
    assert.equal(readFileSync(path, 'utf8').trim(), first[0]!.toString('base64'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
