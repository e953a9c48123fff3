CREATE VIEW papercut_credentials AS
-- The login password Frappe checks (frappe/utils/password.py, check_password):
-- the __Auth row of doctype 'User', fieldname 'password', not encrypted (the
-- encrypted rows are reversible secrets: API secrets, email account passwords).
-- Only the hashes Frappe's passlib context checks:
--   $pbkdf2-sha256$29000$...  what Frappe writes (passlib's pbkdf2_sha256)
--   $argon2id$..., $argon2i$...  checked by Frappe, written only by other tools
--   $frappel$...              a password set before Frappe 10, wrapped by Frappe's
--                             passlib patch (frappe_legacy): checked by Frappe 14
--                             (installed frappe 14.x), no longer by Frappe 15
-- Anything else is no credential: Frappe cannot check it either.
SELECT
  {{#login=username}}COALESCE(NULLIF(u.username, ''), u.name){{/login}}{{^login=username}}u.name{{/login}} AS username,
  a.password AS password_hash,
  CAST(NULL AS varchar) AS password_salt,
  CAST(NULL AS varchar) AS password_scheme
FROM "__Auth" a
JOIN "tabUser" u ON u.name = a.name
WHERE a.doctype = 'User'
  AND a.fieldname = 'password'
  AND a.encrypted = 0
  AND u.enabled = 1
  AND u.user_type = 'System User'
  AND u.name NOT IN ('Administrator', 'Guest')
  AND (
    a.password LIKE '$pbkdf2-sha256$%'
    OR a.password LIKE '$argon2%'
    OR (
      a.password LIKE '$frappel$%'
      AND EXISTS (
        SELECT 1 FROM "tabInstalled Application" i
        WHERE i.parent = 'Installed Applications' AND i.app_name = 'frappe' AND i.app_version LIKE '14.%'
      )
    )
  )
