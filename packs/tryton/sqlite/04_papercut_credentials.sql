CREATE VIEW papercut_credentials AS
-- One row per active user with a password hash, read as Tryton checks it:
--   passlib's forms ($2b$ bcrypt, $pbkdf2-sha512$, $argon2id$, $scrypt$,
--   $bcrypt-sha256$, ...) go as stored, recognised by their form;
--   bcrypt$<bcrypt hash> (Tryton 3.2 to 4.8 with python-bcrypt) loses its prefix;
--   sha1$<hex>$<salt> (Tryton 3.2 to 4.8 without it) is SHA-1 of the password
--   then the salt: split into hash and salt, scheme sha1-password-salt (weak).
-- password_reset is left out: a temporary password kept in clear text.
SELECT
  u.login AS username,
  CASE
    WHEN u.password_hash LIKE 'sha1$%$%'
      THEN substr(u.password_hash, 6, instr(substr(u.password_hash, 6), '$') - 1)
    WHEN u.password_hash LIKE 'bcrypt$%' THEN substr(u.password_hash, 8)
    ELSE u.password_hash
  END AS password_hash,
  CASE
    WHEN u.password_hash LIKE 'sha1$%$%'
      THEN NULLIF(substr(u.password_hash, 6 + instr(substr(u.password_hash, 6), '$')), '')
  END AS password_salt,
  CASE WHEN u.password_hash LIKE 'sha1$%$%' THEN 'sha1-password-salt' END AS password_scheme
FROM res_user u
WHERE u.active = 1 AND u.id <> 0 AND u.password_hash <> ''
