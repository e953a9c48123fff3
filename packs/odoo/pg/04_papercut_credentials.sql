CREATE VIEW papercut_credentials AS
SELECT
  u.login AS username,
  u.password AS password_hash,
  NULL AS password_salt,
  CASE WHEN u.password LIKE '$pbkdf2-sha512$%' THEN NULL ELSE 'plaintext' END AS password_scheme
FROM res_users u
WHERE u.password <> ''
