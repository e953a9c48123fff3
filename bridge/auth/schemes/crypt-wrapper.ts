import type { PasswordScheme } from './scheme';
import { bcrypt } from './bcrypt';
import { desCryptScheme } from './des-crypt';
import { md5CryptScheme } from './md5-crypt';
import { sha256Crypt, sha512Crypt } from './sha-crypt';

/** The crypt(3) strings a wrapper may hold: what a system's libc crypt reads. */
const CRYPT_FORMS = [sha512Crypt, sha256Crypt, md5CryptScheme, bcrypt, desCryptScheme];

/** A stored form that wraps a crypt(3) string (LDAP's {CRYPT}…, Django's
 * crypt$$…): checked, weak or not, costly or not, as that string is.
 * `unwrap` gives the crypt string, or undefined when the form is not this one. */
export function cryptWrapper(name: string, unwrap: (hash: string) => string | undefined): PasswordScheme {
  const inner = (hash: string) => {
    const crypt = unwrap(hash) ?? '';
    return { crypt, form: CRYPT_FORMS.find((form) => form.recognises(crypt)) };
  };
  return {
    name,
    byForm: true,
    recognises: (hash) => unwrap(hash) !== undefined,
    isWeak(hash) {
      const { crypt, form } = inner(hash);
      return form?.isWeak(crypt) ?? true;
    },
    describe(hash) {
      const { crypt, form } = inner(hash);
      const params = form?.describe(crypt, null);
      return params && form ? { crypt: form.name, ...params } : undefined;
    },
    cost: (params) => CRYPT_FORMS.find((form) => form.name === params.crypt)?.cost?.(params) ?? { ms: 0 },
    async verify(password, hash) {
      const { crypt, form } = inner(hash);
      return form ? form.verify(password, crypt, null) : 'malformed';
    },
  };
}
