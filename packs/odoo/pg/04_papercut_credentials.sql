CREATE VIEW papercut_credentials AS
-- res_users.password: passlib's $pbkdf2-sha512$ is recognised by its form;
-- anything else Odoo compares as clear text (its CryptContext keeps
-- 'plaintext'), so it is named plaintext: weak, refused unless allowed.
SELECT
  u.login AS username,
  u.password AS password_hash,
  NULL AS password_salt,
  CASE WHEN u.password LIKE '$pbkdf2-sha512$%' THEN NULL ELSE 'plaintext' END AS password_scheme
FROM res_users u
WHERE u.password <> ''
