CREATE VIEW papercut_credentials AS
-- The password Dolibarr checks (dol_verifyHash in core/lib/security.lib.php):
-- pass_crypted only, never the clear-text column pass. How a stored hash is
-- read depends on the site's constants MAIN_SECURITY_HASH_ALGO and
-- MAIN_SECURITY_SALT (llx_const, this entity's value before entity 0's):
--   password_hash          '$2y$...' bcrypt (password_verify);
--                          32 hex digits: md5(salt followed by password);
--                          40 hex digits: sha1(md5(salt followed by password))
--   sha1                   40 hex digits: sha1(salt followed by password)
--   sha1md5                40 hex digits: sha1(md5(salt followed by password))
--   anything else, unset   32 hex digits: md5(salt followed by password)
-- An empty salt (or '0', false to PHP) is no salt. Other hashes are no credential.
-- The constants are compared byte for byte, as PHP does (the column's collation
-- ignores case).
SELECT
  u.login AS username,
  u.pass_crypted AS password_hash,
  CASE WHEN u.pass_crypted LIKE '$%' OR CAST(s.salt AS BINARY) IN ('', '0') THEN NULL ELSE s.salt END AS password_salt,
  CASE
    WHEN u.pass_crypted LIKE '$%' THEN NULL
    WHEN CAST(u.pass_crypted AS BINARY) REGEXP '^[0-9a-f]{32}$' THEN 'md5'
    WHEN CAST(s.algo AS BINARY) = 'sha1' THEN 'sha1'
    ELSE 'dolibarr-sha1md5'
  END AS password_scheme
FROM {{prefix}}user u
CROSS JOIN (
  SELECT
    (SELECT c.value FROM {{prefix}}const c
     WHERE c.name = 'MAIN_SECURITY_HASH_ALGO' AND c.entity IN (0, {{entity}})
     ORDER BY c.entity DESC LIMIT 1) AS algo,
    (SELECT c.value FROM {{prefix}}const c
     WHERE c.name = 'MAIN_SECURITY_SALT' AND c.entity IN (0, {{entity}})
     ORDER BY c.entity DESC LIMIT 1) AS salt
) s
WHERE u.entity IN (0, {{entity}})
  AND u.statut = 1
  AND (u.datestartvalidity IS NULL OR u.datestartvalidity < CURRENT_DATE + INTERVAL 1 DAY)
  AND (u.dateendvalidity IS NULL OR u.dateendvalidity >= CURRENT_DATE)
{{^external_users}}
  AND COALESCE(u.fk_soc, 0) <= 0
{{/external_users}}
  AND NOT (
    u.entity = 0
    AND EXISTS (
      SELECT 1 FROM {{prefix}}user own
      WHERE own.entity = {{entity}} AND own.rowid <> u.rowid
        AND own.login = u.login AND own.statut = 1
    )
  )
  AND (
    (
      CAST(s.algo AS BINARY) = 'password_hash'
      AND (
        CAST(u.pass_crypted AS BINARY) REGEXP '^[$](2[aby]|argon2i|argon2id)[$]'
        OR CAST(u.pass_crypted AS BINARY) REGEXP '^[0-9a-f]{32}$'
        OR CAST(u.pass_crypted AS BINARY) REGEXP '^[0-9a-f]{40}$'
      )
    )
    OR (CAST(s.algo AS BINARY) IN ('sha1', 'sha1md5') AND CAST(u.pass_crypted AS BINARY) REGEXP '^[0-9a-f]{40}$')
    OR (CAST(COALESCE(s.algo, '') AS BINARY) NOT IN ('password_hash', 'sha1', 'sha1md5') AND CAST(u.pass_crypted AS BINARY) REGEXP '^[0-9a-f]{32}$')
  )
