import type { PasswordScheme } from '../scheme';

// $2a$ / $2b$ / $2y$ (PHP's spelling of $2b$), a two-digit cost, 22 salt and 31 hash characters.
const BCRYPT = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

export const bcrypt: PasswordScheme = {
  name: 'bcrypt',
  recognises: (hash) => hash.startsWith('$2a$') || hash.startsWith('$2b$') || hash.startsWith('$2y$'),
  async verify(password, hash) {
    if (!BCRYPT.test(hash)) return 'malformed';
    // Loaded on first use: calls that never check a password do not pay for it.
    const { compare } = require('bcryptjs') as typeof import('bcryptjs');
    return (await compare(password, hash)) ? 'match' : 'mismatch';
  },
};
