// An unknown user, a user without a hash and a wrong password cost the same
// time and give the same stderr line: neither tells whether the user exists.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { useDemoDatabase } from '../support/databases';
import { callBridge } from './spawn-bridge';

const ROUNDS = 9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('login timing', () => {
  const demo = useDemoDatabase('sqlite');

  it('is the same for an unknown user, a user without a hash and a wrong password', async () => {
    const cases = {
      wrongPassword: 'jsmith\nnot-the-password\n',
      unknownUser: 'no-such-user\nnot-the-password\n',
      noCredential: 'dkowalski\nnot-the-password\n',
    };
    const times: Record<string, number[]> = { wrongPassword: [], unknownUser: [], noCredential: [] };
    const stderr = new Set<string>();
    // Alternate the cases so that drift on the machine hits all of them alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, stdin] of Object.entries(cases)) {
        const started = performance.now();
        const result = await callBridge([], { env: demo.env(), stdin });
        times[name]!.push(performance.now() - started);
        expect(result.stdout).toBe('ERROR\n');
        stderr.add(result.stderr);
      }
    }
    expect([...stderr]).toEqual(['papercut-bridge: auth: invalid username or password\n']);
    const reference = median(times.wrongPassword!);
    for (const name of ['unknownUser', 'noCredential']) {
      const ratio = median(times[name]!) / reference;
      expect(ratio, `${name}: ${median(times[name]!).toFixed(0)} ms vs ${reference.toFixed(0)} ms`).toBeGreaterThan(
        0.8,
      );
      expect(ratio, name).toBeLessThan(1.25);
    }
  });
});
