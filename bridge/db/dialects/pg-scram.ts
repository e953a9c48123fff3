import { saslprep } from './saslprep';

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802 / 7677):
 * what create-reader sends, so that the server's logs never hold the password. */
export function scramSha256(password: string, salt?: Buffer, iterations = 4096): string {
  // Loaded here, not with the adapter: every call loads the adapters, and node:crypto cost SQLite calls ~4 ms.
  const { createHash, createHmac, pbkdf2Sync, randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const saltBytes = salt ?? randomBytes(16);
  const salted = pbkdf2Sync(saslprep(password), saltBytes, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest('base64');
  const serverKey = createHmac('sha256', salted).update('Server Key').digest('base64');
  return `SCRAM-SHA-256$${iterations}:${saltBytes.toString('base64')}$${storedKey}:${serverKey}`;
}
