import { COST_CAPS } from '../../auth/schemes/cost';
import { identify } from '../../auth/registry';
import type { DoctorContext } from './context';
import { Examples, finding, plural, type Finding } from './findings';
import { forEachRow } from '../../db/stream-rows';

/** The schemes of the stored hashes of users who can log in (papercut_users),
 * as the login check sees them. Only tallies and usernames are kept: no hash,
 * salt or scheme parameter leaves this function. */
export async function checkHashes(ctx: DoctorContext): Promise<Finding[]> {
  const { db, sql } = ctx;
  const schemes = new Map<string, number>();
  const problems = {
    unrecognised: { count: 0, examples: new Examples() },
    malformed: { count: 0, examples: new Examples() },
    overCap: { count: 0, examples: new Examples() },
    weak: { count: 0, examples: new Examples() },
  };
  const note = (kind: keyof typeof problems, username: unknown) => {
    problems[kind].count++;
    problems[kind].examples.add(String(username ?? ''));
  };

  ctx.progress('reading papercut_credentials');
  const query = db
    .select('c.username', 'c.password_hash', 'c.password_salt', 'c.password_scheme')
    .from(ctx.view('credentials', 'c'))
    .whereExists(
      db
        .select(db.raw('1'))
        .from(ctx.view('users', 'u'))
        .where(sql.equalsColumn(db, 'u.username', 'c.username')),
    );
  await forEachRow(
    db,
    ctx.config.dialect,
    query,
    (row) => {
      // As the login check reads a row: CHAR padding off, an empty hash is no credential.
      const hash = typeof row.password_hash === 'string' ? row.password_hash.replace(/ +$/, '') : '';
      if (hash === '') return;
      const salt = typeof row.password_salt === 'string' ? row.password_salt.replace(/ +$/, '') : null;
      const scheme = typeof row.password_scheme === 'string' ? row.password_scheme : null;
      const found = identify({ hash, salt, scheme });
      if (!found) return note('unrecognised', row.username);
      schemes.set(found.scheme.name, (schemes.get(found.scheme.name) ?? 0) + 1);
      if (!found.params) note('malformed', row.username);
      else if (found.cost.overCap) note('overCap', row.username);
      else if (found.weak) note('weak', row.username);
    },
    { label: 'papercut_credentials', report: ctx.progress },
  );

  const tally = [...schemes].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`);
  const findings = [
    finding(
      'credentials.schemes',
      tally.length ? 'ok' : 'info',
      tally.length ? `hash schemes: ${tally.join(', ')}` : 'no user in papercut_users has a password hash',
    ),
  ];
  const { unrecognised, malformed, overCap, weak } = problems;
  // Refused at every login, safely; but nobody holding such a hash can log in.
  findings.push(
    unrecognised.count
      ? finding(
          'credentials.unrecognised',
          'warning',
          `${plural(unrecognised.count, 'hash', 'hashes')} in no scheme the bridge knows (or password_scheme names none): those users cannot log in; \`papercut-bridge hash identify\` shows what the bridge sees`,
          { count: unrecognised.count, examples: unrecognised.examples.list },
        )
      : finding('credentials.unrecognised', 'ok', 'every hash is in a known scheme'),
  );
  if (malformed.count) {
    findings.push(
      finding(
        'credentials.malformed',
        'warning',
        `${plural(malformed.count, 'hash', 'hashes')} malformed for ${malformed.count === 1 ? 'its' : 'their'} scheme: those users cannot log in`,
        { count: malformed.count, examples: malformed.examples.list },
      ),
    );
  }
  // Such a hash would stall every login it is checked for: the row, not the user, chose its cost.
  findings.push(
    overCap.count
      ? finding(
          'credentials.over-cap',
          'error',
          `${plural(overCap.count, 'user')} ${overCap.count === 1 ? 'has a hash' : 'have hashes'} that ask for more work than the cap (${capsText()}): refused at login, so ${overCap.count === 1 ? 'that user cannot' : 'they cannot'} log in; \`papercut-bridge hash identify\` says which parameter is over`,
          { count: overCap.count, examples: overCap.examples.list },
        )
      : finding('credentials.over-cap', 'ok', 'every hash is within the cost caps'),
  );
  // Weak schemes are refused at login unless the operator accepts them; then they are a known, chosen risk.
  findings.push(
    weak.count
      ? finding(
          'credentials.weak',
          ctx.config.allowWeakHashes ? 'info' : 'warning',
          ctx.config.allowWeakHashes
            ? `${plural(weak.count, 'hash', 'hashes')} in weak schemes, accepted because BRIDGE_ALLOW_WEAK_HASHES=1`
            : `${plural(weak.count, 'hash', 'hashes')} in weak schemes: those logins are refused unless BRIDGE_ALLOW_WEAK_HASHES=1`,
          { count: weak.count, examples: weak.examples.list },
        )
      : finding('credentials.weak', 'ok', 'no hash in a weak scheme'),
  );
  return findings;
}

const capsText = () =>
  `bcrypt cost ${COST_CAPS.bcryptCost}, phpass log2 ${COST_CAPS.phpassLog2}, ` +
  `sha-crypt ${COST_CAPS.digestRounds.toLocaleString('en-US')} rounds, ` +
  `PBKDF2 ${COST_CAPS.pbkdf2Iterations.toLocaleString('en-US')} iterations, ` +
  `Argon2 ${COST_CAPS.argon2MemoryKiB / 1024} MiB and t ${COST_CAPS.argon2Passes}, scrypt ${COST_CAPS.scryptMemoryBytes / 2 ** 20} MiB`;
