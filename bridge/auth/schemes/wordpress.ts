import { createHmac } from 'node:crypto';
import { outcome, type PasswordScheme } from './scheme';
import { bcrypt, bcryptMatches } from './bcrypt';
import { bcryptCost } from './cost';

// WordPress 6.8+: '$wp' + bcrypt over base64(HMAC-SHA384(key 'wp-sha384', password)).
export const wordpress: PasswordScheme = {
  name: 'wordpress',
  byForm: true,
  recognises: (hash) => hash.startsWith('$wp$'),
  isWeak: () => false,
  describe: (hash) => bcrypt.describe(hash.slice(3), null),
  cost: bcryptCost,
  async verify(password, hash) {
    const prehashed = createHmac('sha384', 'wp-sha384').update(password, 'utf8').digest('base64');
    const matches = await bcryptMatches(prehashed, hash.slice(3));
    return matches === undefined ? 'malformed' : outcome(matches);
  },
};
