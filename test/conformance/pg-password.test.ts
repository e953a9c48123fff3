// The built program answers a PostgreSQL server that asks for a password.
// The build has pg load its password helpers only when a server asks
// (scripts/bundle-shims.ts); here a stand-in server asks, as real sites'
// servers do, and checks what the program sends.
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callBridge } from './spawn-bridge';

const USER = 'bridge_reader';
const PASSWORD = 'correct horse';

const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};

/** A protocol message from the server: type, length, body. */
const message = (type: string, body: Buffer) => Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);

/** Serves one connection: once the startup message is in, sends `request`;
 * resolves with the body of the client's answer (a 'p' message), then hangs up. */
async function answerTo(request: Buffer): Promise<{ answer: Buffer; result: Promise<unknown> }> {
  const server = createServer();
  const answer = new Promise<Buffer>((resolve, reject) => {
    server.on('connection', (socket: Socket) => {
      let data = Buffer.alloc(0);
      let started = false;
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => {
        data = Buffer.concat([data, chunk]);
        if (!started && data.length >= 4 && data.length >= data.readInt32BE(0)) {
          started = true;
          data = data.subarray(data.readInt32BE(0));
          socket.write(request);
        }
        if (started && data.length >= 5 && data.length >= 1 + data.readInt32BE(1)) {
          if (data[0] !== 'p'.charCodeAt(0)) reject(new Error(`unexpected message ${String.fromCharCode(data[0]!)}`));
          resolve(data.subarray(5, 1 + data.readInt32BE(1)));
          socket.destroy();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/erp`;
  const result = callBridge(['-', 'is-valid'], { env: { BRIDGE_DB_CLIENT: 'pg', BRIDGE_DB_URL: url } });
  try {
    return { answer: await answer, result };
  } finally {
    server.close();
  }
}

const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('hex');

describe('a PostgreSQL server that asks for a password', () => {
  it('gets the MD5 answer PostgreSQL expects', async () => {
    const salt = Buffer.from([0x01, 0x7f, 0x80, 0xff]);
    const { answer, result } = await answerTo(message('R', Buffer.concat([int32(5), salt])));
    const expected = `md5${md5(Buffer.concat([Buffer.from(md5(PASSWORD + USER)), salt]))}\0`;
    expect(answer.toString('latin1')).toBe(expected);
    // The stand-in hangs up there: is-valid says the database is not usable.
    expect(await result).toMatchObject({ stdout: 'N\n' });
  });

  it('gets a SCRAM-SHA-256 first message', async () => {
    const { answer, result } = await answerTo(
      message('R', Buffer.concat([int32(10), Buffer.from('SCRAM-SHA-256\0\0')])),
    );
    const mechanism = answer.subarray(0, answer.indexOf(0)).toString();
    const first = answer.subarray(answer.indexOf(0) + 5).toString();
    expect(mechanism).toBe('SCRAM-SHA-256');
    expect(first).toMatch(/^n,,n=\*,r=[A-Za-z0-9+/]{24}$/);
    // The stand-in hangs up there: is-valid says the database is not usable.
    expect(await result).toMatchObject({ stdout: 'N\n' });
  });
});
