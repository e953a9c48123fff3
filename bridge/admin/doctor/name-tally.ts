import { sanitize } from '../../protocol/format';
import { nameKey, storedName, usableName } from '../../protocol/usernames';
import { Examples, finding, MAX_EXAMPLES, plural, type Finding } from './findings';

/** A name of printable ASCII only. SQLite searches other names without its
 * NOCASE index, on purpose: the lookups doctor explains and times use such a name. */
export const isAscii = (name: string | undefined): boolean => name !== undefined && /^[\x21-\x7e]+$/.test(name);

/** Tallies names as the bridge treats them, compared by `nameKey`: usernames
 * by `usableName` (one that needs other cleaning than CHAR padding is left
 * out of every call), group names cleaned by `sanitize`. Keeps one spelling
 * per name, which a million users afford; nothing else of a row is kept. */
export class NameTally {
  rows = 0;
  empty = 0;
  unclean = 0;
  readonly uncleanExamples = new Examples();
  /** Rows whose name another row also has, case aside. */
  colliding = 0;
  private readonly first = new Map<string, string>();
  private readonly collided = new Map<string, string[]>();

  constructor(private readonly kind: 'usernames' | 'group names') {}

  /** Adds one name; returns it as PaperCut sees it ('' when empty or, for a username, unusable). */
  add(value: unknown): string {
    this.rows++;
    const cleaned = sanitize(value);
    if (cleaned === '') {
      this.empty++;
      return cleaned;
    }
    const raw = storedName(value);
    const clean = this.kind === 'usernames' ? (usableName(value) ?? '') : cleaned;
    if (clean === '' || (this.kind === 'group names' && raw !== clean)) {
      this.unclean++;
      this.uncleanExamples.add(raw);
      if (clean === '') return clean;
    }
    const key = nameKey(clean);
    const previous = this.first.get(key);
    if (previous === undefined) {
      this.first.set(key, clean);
      return clean;
    }
    let spellings = this.collided.get(key);
    if (!spellings) {
      spellings = [previous];
      this.collided.set(key, spellings);
      this.colliding++;
    }
    if (spellings.length < MAX_EXAMPLES) spellings.push(clean);
    this.colliding++;
    return clean;
  }

  /** Whether a name (as PaperCut sees it) is among those added. */
  has(clean: string): boolean {
    return this.first.has(nameKey(clean));
  }

  /** Each distinct name once, as first spelled, in the order added. */
  names(): IterableIterator<string> {
    return this.first.values();
  }

  get collisionExamples(): string[] {
    return [...this.collided.values()].flat().slice(0, MAX_EXAMPLES);
  }
}

interface NameWording {
  check: string;
  view: string;
  noun: string;
  /** What a collision does, and why it is an error. */
  collision: string;
  /** What an empty name does. */
  empty: string;
  /** How bad a name that needs cleaning is, and what it does. */
  unclean: { level: 'error' | 'warning'; effect: string };
}

export const USERNAME_WORDING: NameWording = {
  check: 'data.usernames',
  view: 'papercut_users',
  noun: 'username',
  // PaperCut lower-cases names, so two people become one PaperCut user: the
  // bridge answers for one spelling, the other cannot log in, and inherits
  // the account (balance, history, held jobs) once the first one leaves.
  collision:
    'PaperCut sees one user, the bridge answers for one spelling only, and the other person takes over the account when the first leaves',
  empty: 'all-users leaves such rows out, so those people cannot print',
  // Cleaned, such a name could pass for another row's: see usernames.ts.
  unclean: {
    level: 'error',
    effect:
      'every call leaves such rows out (they are neither listed nor found, and cannot log in), so that no row can pass for another; trailing spaces alone are CHAR padding and fine',
  },
};

export const GROUP_WORDING: NameWording = {
  check: 'data.group-names',
  view: 'papercut_groups',
  noun: 'group name',
  // Lookups ignore case, so PaperCut gets one group holding both groups' members:
  // printing rights meant for one group reach the other's members.
  collision: "PaperCut sees one group holding both groups' members",
  empty: 'all-groups leaves such rows out',
  unclean: {
    level: 'warning',
    effect: 'the bridge lists them cleaned up, but PaperCut never finds them under that name',
  },
};

export function nameFindings(tally: NameTally, wording: NameWording): Finding[] {
  const { check, view, noun } = wording;
  return [
    tally.empty
      ? finding(
          `${check}.empty`,
          'warning',
          `${plural(tally.empty, 'row')} of ${view} ${tally.empty === 1 ? 'has' : 'have'} an empty ${noun}: ${wording.empty}`,
          { count: tally.empty },
        )
      : finding(`${check}.empty`, 'ok', `no empty ${noun}s`),
    tally.colliding
      ? finding(
          `${check}.collisions`,
          'error',
          `${plural(tally.colliding, 'row')} of ${view} share a ${noun} with another row, case aside: ${wording.collision}`,
          { count: tally.colliding, examples: tally.collisionExamples },
        )
      : finding(`${check}.collisions`, 'ok', `no ${noun}s collide case-insensitively`),
    tally.unclean
      ? finding(
          `${check}.unclean`,
          wording.unclean.level,
          `${plural(tally.unclean, noun)} ${tally.unclean === 1 ? 'needs' : 'need'} cleaning (spaces at the start, Unicode spaces, control or format characters${noun === 'username' ? ', U+0130 or U+212A' : ', spaces at either end'}): ${wording.unclean.effect}`,
          { count: tally.unclean, examples: tally.uncleanExamples.list },
        )
      : finding(`${check}.unclean`, 'ok', `no ${noun}s that need cleaning`),
  ];
}
