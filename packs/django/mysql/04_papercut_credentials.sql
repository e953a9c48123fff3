CREATE VIEW papercut_credentials AS
-- The password column holds <algorithm>$... forms the bridge recognises, except
-- the bare 32 hex digits of UnsaltedMD5PasswordHasher, told apart as Django
-- does (32 characters, no $) and named md5. Unusable passwords (! and random
-- characters, from set_unusable_password) and empty ones never log in: left out.
SELECT
  u.username AS username,
  u.password AS password_hash,
  NULL AS password_salt,
  CASE WHEN CHAR_LENGTH(u.password) = 32 AND u.password NOT LIKE '%$%' THEN 'md5' END AS password_scheme
FROM {{user_table}} u
WHERE u.is_active = 1
  AND u.password <> ''
  AND u.password NOT LIKE '!%'
