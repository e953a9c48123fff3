// The user-program calls against the demo ERP, compared byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachDialect, useDemoDatabase } from '../support/databases';
import { callBridge, expectFailure, expectSameLines } from './spawn-bridge';

const lines = (...items: string[]) => items.map((item) => `${item}\n`).join('');

// The same suite, unchanged, on every dialect in play.
forEachDialect(undefined, (dialect) => {
  const demo = useDemoDatabase(dialect);
  const call = (args: string[], stdin?: string) => callBridge(args, { env: demo.env(), stdin, cwd: demo.dir });

  describe('is-valid', () => {
    it('answers Y when the four views are there', async () => {
      expect(await call(['-', 'is-valid'])).toEqual({ stdout: 'Y\n', stderr: '', status: 0 });
    });
  });

  describe('all-users', () => {
    it('prints every active user once, as the reviewed expectation', async () => {
      const result = await call(['-', 'all-users']);
      expect(result.status).toBe(0);
      expectSameLines(result.stdout, readFileSync(join(__dirname, 'expected', 'all-users.txt'), 'utf8'));
    });

    it('sanitises fields and keeps every line to at most 11 tab-separated fields', async () => {
      const { stdout } = await call(['-', 'all-users']);
      const userLines = stdout.split('\n').slice(0, -1);
      expect(userLines).toHaveLength(44); // 46 view rows - the empty login - one of MBrown/mbrown
      for (const line of userLines) {
        expect(line.split('\t').length).toBeLessThanOrEqual(11);
        expect(line).not.toMatch(/[\r\u0000-\u0008\u000b-\u001f\u007f]/);
      }
      expect(userLines).toContain(
        'astrom\tÅsa Ström\tasa.strom@northwind.example\tResearch Development\tStockholm Office\t10020\t\t\t\t\\\\fs-sto01\\home\\astrom\t9912',
      );
      expect(userLines).toContain(
        'cdubois\tCéline Dubois\tceline.dubois@northwind.example\tCustomer Service EMEA\tLyon Plant\t10030\t\t\t\t\\\\fs-lyo01\\home\\cdubois\t3654',
      );
      expect(userLines.find((line) => line.startsWith('klundberg\t'))?.split('\t')[1]).toBe('Karin Lundberg');
      expect(
        userLines
          .find((line) => line.startsWith('lmurphy\t'))
          ?.split('\t')
          .slice(1, 3),
      ).toEqual(['Liam Murphy', 'liam.murphy@northwind.example']);
      expect(userLines).toContain('rpatel\tRavi Patel');
      expect(userLines.find((line) => line.startsWith('emartin\t'))?.split('\t')[5]).toBe('000417');
      expect(userLines).toContain(
        'hschmidt\tHeike Schmidt\theike.schmidt@northwind.example\tIT Services\tKraków Office\t20345\t\t04A7F3C9\thschmi\t\\\\fs-krk01\\home\\hschmidt\t6419',
      );
    });

    it('leaves out terminated, suspended and nameless rows and prints colliding names once', async () => {
      const names = (await call(['-', 'all-users'])).stdout.split('\n').map((line) => line.split('\t')[0]);
      for (const gone of ['rjones', 'kwatanabe', 'twojcik', 'lrossi', 'SLee']) expect(names).not.toContain(gone);
      expect(names).toContain('msorensen'); // on leave, still prints
      expect(names.filter((name) => name?.toLowerCase() === 'mbrown')).toEqual(['MBrown']);
      expect(names.slice(0, -1)).not.toContain('');
    });
  });

  describe('all-groups', () => {
    it('prints every group once, names as strings', async () => {
      expect(await call(['-', 'all-groups'])).toEqual({
        stdout: lines(
          '007',
          '1e3',
          'Accounts Payable',
          'all-staff',
          'cfo-office',
          'color-printing',
          'customer-service',
          'engineering',
          'facilities',
          'finance',
          'finance-managers',
          'it-services',
          'legacy-contractors',
          'legal',
          'operations',
          'people-services',
          'rnd',
          'sales',
        ),
        stderr: '',
        status: 0,
      });
    });
  });

  describe('group-member-names', () => {
    const expected: Record<string, string[]> = {
      '007': ['aivanova', 'cdubois'],
      '1e3': ['aivanova', 'wzhang'],
      'Accounts Payable': ['jmueller', "o'brien"],
      'cfo-office': ['bodegard'],
      finance: ['JSmith', 'bodegard', 'jmueller', 'mwisniewska', "o'brien", 'zzoltowski'],
      'finance-managers': ['JSmith', 'bodegard'],
      engineering: [
        'MBrown',
        'aivanova',
        'astrom',
        'ivirtanen',
        'klundberg',
        'pdabrowski',
        'rfernandez',
        'rsingh',
        'wzhang',
        'ytanaka',
      ],
      'it-services': ['hali', 'hschmidt', 'ochukwu', 'pnowak'],
      'people-services': ['ebjork', 'ewilson', 'kanderson', 'msorensen'],
    };
    for (const [group, members] of Object.entries(expected)) {
      it(`lists the active effective members of '${group}'`, async () => {
        expect(await call(['-', 'group-member-names', group])).toEqual({
          stdout: lines(...members),
          stderr: '',
          status: 0,
        });
      });
    }

    it('expands nested roles into all-staff, without leavers or nameless rows, each name once', async () => {
      const result = await call(['-', 'group-member-names', 'all-staff']);
      const names = result.stdout.split('\n').slice(0, -1);
      expect(result.status).toBe(0);
      expect(names).toHaveLength(43); // 49 rows - SLee, kwatanabe, lrossi, rjones - '' - one of MBrown/mbrown
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['bodegard', 'JSmith', 'MBrown', 'msorensen']));
      expect(names).not.toEqual(expect.arrayContaining(['rjones']));
    });

    it('matches the group name case-insensitively', async () => {
      expect((await call(['-', 'group-member-names', 'FINANCE-Managers'])).stdout).toBe(lines('JSmith', 'bodegard'));
    });

    it('answers nothing, successfully, for a group without active members', async () => {
      for (const group of ['color-printing', 'legacy-contractors']) {
        expect(await call(['-', 'group-member-names', group])).toEqual({ stdout: '', stderr: '', status: 0 });
      }
    });

    it('fails for a group that papercut_groups does not list', async () => {
      expectFailure(await call(['-', 'group-member-names', 'no-such-group']), 67, /not-found: group 'no-such-group'/);
      expectFailure(await call(['-', 'group-member-names', "x' or 1=1 --"]), 67, /not-found/);
    });
  });

  describe('group-members', () => {
    it('prints a user line for each active member', async () => {
      expect(await call(['-', 'group-members', 'finance-managers'])).toEqual({
        stdout: lines(
          'JSmith\tJohn Smith\tjohn.smith@northwind.example\tFinance\tManchester HQ\t10001\t\t\t\t\\\\fs-man01\\home\\jsmith\t4821',
          'bodegard\tBjørn Ødegård\tbjorn.odegard@northwind.example\tFinance\tStockholm Office\t10003\t\t\t\t\\\\fs-sto01\\home\\bodegard\t2657',
        ),
        stderr: '',
        status: 0,
      });
    });

    it('answers nothing for an empty group and fails for an unknown one', async () => {
      expect(await call(['-', 'group-members', 'color-printing'])).toEqual({ stdout: '', stderr: '', status: 0 });
      expectFailure(await call(['-', 'group-members', 'nope']), 67, /not-found: group 'nope'/);
    });
  });

  describe('is-user-in-group', () => {
    const cases: [string, string, 'Y' | 'N'][] = [
      ['finance', 'jsmith', 'Y'],
      ['FINANCE', 'JSMITH', 'Y'],
      ['all-staff', 'bodegard', 'Y'], // through cfo-office ⊂ finance-managers ⊂ finance ⊂ all-staff
      ['007', 'aivanova', 'Y'],
      ['1e3', 'wzhang', 'Y'],
      ['Accounts Payable', "o'brien", 'Y'],
      ['sales', 'jsmith', 'N'],
      ['finance', 'rjones', 'N'], // terminated
      ['it-services', 'slee', 'N'], // suspended
      ['finance', 'nobody', 'N'],
      ['finance', "' or 1=1 --", 'N'],
    ];
    for (const [group, user, answer] of cases) {
      it(`answers ${answer} for ${user} in ${group}`, async () => {
        expect(await call(['-', 'is-user-in-group', group, user])).toEqual({
          stdout: `${answer}\n`,
          stderr: '',
          status: 0,
        });
      });
    }

    it('fails for an unknown group', async () => {
      expectFailure(await call(['-', 'is-user-in-group', 'nope', 'jsmith']), 67, /not-found: group 'nope'/);
    });
  });

  describe('get-user-details', () => {
    const jsmith =
      'JSmith\tJohn Smith\tjohn.smith@northwind.example\tFinance\tManchester HQ\t10001\t\t\t\t\\\\fs-man01\\home\\jsmith\t4821\n';

    it('reads the username from stdin, case-insensitively, with CRLF or no final newline', async () => {
      for (const stdin of ['jsmith\n', 'JSMITH\r\n', 'jsmith', 'jsmith\nignored second line\n']) {
        expect(await call(['-', 'get-user-details'], stdin)).toEqual({ stdout: jsmith, stderr: '', status: 0 });
      }
    });

    it('answers as soon as the line is in, even if the caller keeps stdin open', async () => {
      const started = Date.now();
      const result = await callBridge(['-', 'get-user-details'], {
        env: demo.env(),
        stdin: 'jsmith\n',
        keepStdinOpen: true,
      });
      expect(result).toEqual({ stdout: jsmith, stderr: '', status: 0 });
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('finds names with SQL metacharacters literally', async () => {
      expect((await call(['-', 'get-user-details'], "o'brien\n")).stdout).toMatch(/^o'brien\tSiobhán O'Brien\t/);
      expectFailure(await call(['-', 'get-user-details'], "' or 1=1 --\n"), 67, /not-found/);
    });

    it('fails for unknown, terminated and suspended users', async () => {
      for (const user of ['nobody', 'rjones', 'SLee']) {
        expectFailure(await call(['-', 'get-user-details'], `${user}\n`), 67, /not-found: user/);
      }
    });

    it('fails on an empty or unreadable stdin', async () => {
      expectFailure(await call(['-', 'get-user-details'], ''), 65, /input: expected a username/);
      expectFailure(await call(['-', 'get-user-details'], 'js\u0000mith\n'), 65, /input: .*NUL/);
    });
  });

  describe('usage', () => {
    const cases: string[][] = [
      ['-'],
      ['-', 'no-such-call'],
      ['-', 'all-users', 'extra'],
      ['-', 'group-member-names'],
      ['-', 'is-user-in-group', 'finance'],
      ['-', 'is-user-in-group', 'finance', 'jsmith', 'extra'],
    ];
    for (const args of cases) {
      it(`refuses ${JSON.stringify(args)} with a usage error`, async () => {
        expectFailure(await call(args), 64, /^papercut-bridge: usage: /);
      });
    }
  });
});
