import type { Cost, PasswordScheme, SchemeParams } from './schemes/scheme';
import { argon2 } from './schemes/argon2';
import { aspnetIdentity, aspnetMembership } from './schemes/aspnet';
import { bcrypt } from './schemes/bcrypt';
import { dolibarrSha1Md5 } from './schemes/dolibarr';
import {
  idempiere,
  md5,
  md5PasswordSalt,
  plaintext,
  sha1,
  sha1PasswordSalt,
  sha256,
  sha256PasswordSalt,
  sha512,
  sha512PasswordSalt,
} from './schemes/digests';
import {
  djangoArgon2,
  djangoBcrypt,
  djangoBcryptSha256,
  djangoCrypt,
  djangoMd5,
  djangoPbkdf2,
  djangoScrypt,
  djangoSha1,
} from './schemes/django';
import { frappeLegacy } from './schemes/frappe';
import { idempiereArgon2, idempierePbkdf2, idempiereSha512 } from './schemes/idempiere';
import { ldapCrypt, ldapDigest, ldapPbkdf2 } from './schemes/ldap';
import { desCryptScheme } from './schemes/des-crypt';
import { md5CryptScheme } from './schemes/md5-crypt';
import { passlibPbkdf2 } from './schemes/passlib-pbkdf2';
import { passlibBcryptSha256, passlibScrypt } from './schemes/passlib-wrapped';
import { drupal7, phpass } from './schemes/phpass';
import { sapIssha } from './schemes/sap';
import { sha256Crypt, sha512Crypt } from './schemes/sha-crypt';
import { wordpress } from './schemes/wordpress';

/** Every scheme, in the order in which a hash's form is tried: forms that
 * wrap another (WordPress's $wp$2y$…) come before the form they wrap. */
export const SCHEMES: readonly PasswordScheme[] = Object.freeze([
  wordpress,
  bcrypt,
  argon2,
  sha512Crypt,
  sha256Crypt,
  md5CryptScheme,
  phpass,
  drupal7,
  passlibPbkdf2,
  frappeLegacy,
  passlibBcryptSha256,
  passlibScrypt,
  djangoPbkdf2,
  djangoArgon2,
  djangoBcryptSha256,
  djangoBcrypt,
  djangoScrypt,
  djangoSha1,
  djangoMd5,
  djangoCrypt,
  ldapPbkdf2,
  ldapCrypt,
  ldapDigest,
  sapIssha,
  // Only when the view names them: these forms cannot be told apart by shape.
  aspnetIdentity,
  aspnetMembership,
  idempiere,
  idempiereSha512,
  idempierePbkdf2,
  idempiereArgon2,
  desCryptScheme,
  md5,
  sha1,
  sha256,
  sha512,
  md5PasswordSalt,
  sha1PasswordSalt,
  sha256PasswordSalt,
  sha512PasswordSalt,
  dolibarrSha1Md5,
  plaintext,
]);

export interface StoredCredential {
  hash: string;
  salt: string | null;
  /** The view's password_scheme: NULL means "recognise it from the hash's form". */
  scheme: string | null;
}

export interface Identification {
  scheme: PasswordScheme;
  /** The hash's parameters; undefined when the hash is malformed for its scheme. */
  params: SchemeParams | undefined;
  weak: boolean;
  /** What a check costs, and whether the hash is over its cap (nothing for a malformed one). */
  cost: Cost;
}

/** Which scheme a stored credential is in: the one named, or the first whose
 * form matches. Undefined when none; never throws. */
export function identify(stored: StoredCredential): Identification | undefined {
  try {
    const named = stored.scheme?.trim().toLowerCase();
    const scheme = named
      ? SCHEMES.find((candidate) => candidate.name === named)
      : SCHEMES.find((candidate) => candidate.byForm && candidate.recognises(stored.hash));
    if (!scheme) return undefined;
    const params = scheme.describe(stored.hash, stored.salt);
    const cost = (params && scheme.cost?.(params)) ?? { ms: 0 };
    return { scheme, params, weak: scheme.isWeak(stored.hash), cost };
  } catch {
    return undefined;
  }
}
