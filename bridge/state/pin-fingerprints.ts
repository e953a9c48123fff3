import { hash, randomBytes } from 'node:crypto';
import { closeSync, linkSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BridgeError } from '../core/errors';
import { createExclusive, privateDir, temporaryPath } from '../core/private-files';

const KEY_FILE = 'pin-fingerprint.key';
const KEY_BYTES = 32;
/** 128 bits of the digest, in base64url. */
const FINGERPRINT_CHARS = 22;

/** What the snapshot keeps of a PIN: a keyed hash of the user's name and PIN,
 * enough for `preview` to tell that a PIN changed and useless without the key
 * (a 4-digit PIN would fall to an unkeyed hash at once). With the name in it,
 * two users with the same PIN get different fingerprints. SHA-512/256 with
 * the key first is a keyed hash as KMAC is: a truncated SHA-2 has no length
 * extension. One digest costs about a microsecond; HMAC's two cost twice that. */
export class PinFingerprints {
  /** Names the key in the snapshot, so a snapshot made under another key is told apart. */
  readonly id: string;

  /** The key, then the name, a NUL and the PIN: reused, as a new buffer per user cost a third more. */
  private input: Buffer;

  private constructor(private readonly key: Buffer) {
    this.input = Buffer.concat([key, Buffer.alloc(256)]);
    this.id = hash('sha512-256', Buffer.concat([key, Buffer.from('key id')]), 'base64url').slice(0, 8);
  }

  /** The installation's key in the state directory, made on first use. */
  static ofInstallation(stateDir: string): PinFingerprints {
    return new PinFingerprints(readKey(stateDir) ?? makeKey(stateDir));
  }

  /** The key if there is one; otherwise a key for this run only. */
  static existingOrThrowaway(stateDir: string): PinFingerprints {
    return new PinFingerprints(readKey(stateDir) ?? randomBytes(KEY_BYTES));
  }

  of(username: Buffer, pin: Buffer): string {
    const out = Buffer.alloc(FINGERPRINT_CHARS);
    this.write(username, pin, out, 0);
    return out.toString('latin1');
  }

  /** Writes the fingerprint into `out` at `offset`; returns its length. */
  write(username: Buffer, pin: Buffer, out: Buffer, offset: number): number {
    const length = KEY_BYTES + username.length + 1 + pin.length;
    if (this.input.length < length) this.input = Buffer.concat([this.key, Buffer.alloc(length)]);
    username.copy(this.input, KEY_BYTES);
    this.input[KEY_BYTES + username.length] = 0;
    pin.copy(this.input, KEY_BYTES + username.length + 1);
    const digest = hash('sha512-256', this.input.subarray(0, length), 'base64url');
    return out.write(digest, offset, FINGERPRINT_CHARS, 'latin1');
  }
}

function readKey(stateDir: string): Buffer | undefined {
  const path = join(stateDir, KEY_FILE);
  let key: Buffer;
  try {
    key = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return undefined;
    throw new BridgeError('io', `cannot read the PIN fingerprint key ${path} (${code})`, { cause: error });
  }
  if (key.length !== KEY_BYTES) {
    throw new BridgeError('io', `the PIN fingerprint key ${path} is corrupt; remove it, and a new one is made`);
  }
  return key;
}

/** Written to a temporary file, then linked into place: the key file never
 * exists half-written, and of two calls making it at once both use the first. */
function makeKey(stateDir: string): Buffer {
  const path = join(stateDir, KEY_FILE);
  const temporary = temporaryPath(path);
  try {
    privateDir(stateDir);
    const fd = createExclusive(temporary);
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'EEXIST') {
      throw new BridgeError('io', `cannot write the PIN fingerprint key ${path} (${code})`, { cause: error });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  return readKey(stateDir)!;
}
