CREATE VIEW papercut_credentials AS
-- The password iDempiere itself checks, for the users of papercut_users (the
-- same filters). System configurator USER_PASSWORD_HASH (System tenant) says
-- how every row is read:
--   Y: AD_User.Password is a hex hash of the password and the hex AD_User.Salt;
--      rows without a salt never match and are left out. Before iDempiere 12,
--      and for rows whose PasswordHashAlgorithm is NULL, 'idempiere' (SHA-512,
--      1000 more rounds); iDempiere 12 names its rule per row: SHA-512
--      'idempiere-sha512' (310000 more rounds), PBKDF2 'idempiere-pbkdf2',
--      Argon2 'idempiere-argon2' (any case, as iDempiere compares it); any
--      other algorithm never matches and is left out.
--   N or unset: the password is stored as typed, 'plaintext' (weak); rows that
--      hold a hash and salt from an earlier setting are left out.
-- Left out too: locked users (IsLocked), expired passwords (IsExpired, or
-- older than USER_LOCKING_MAX_PASSWORD_AGE_DAY days unless IsNoPasswordReset),
-- and users with an LDAPUser while AD_System names an LDAP host and domain:
-- iDempiere asks the directory for their password.
SELECT
  {{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}} AS username,
  u.password AS password_hash,
  CASE WHEN h.hashed THEN u.salt END AS password_salt,
  CASE
    WHEN NOT h.hashed THEN 'plaintext'
{{#algorithms}}    WHEN u.passwordhashalgorithm IS NULL THEN 'idempiere'
    WHEN upper(u.passwordhashalgorithm) = 'SHA-512' THEN 'idempiere-sha512'
    WHEN upper(u.passwordhashalgorithm) = 'PBKDF2' THEN 'idempiere-pbkdf2'
    WHEN upper(u.passwordhashalgorithm) = 'ARGON2' THEN 'idempiere-argon2'
{{/algorithms}}{{^algorithms}}    ELSE 'idempiere'
{{/algorithms}}  END AS password_scheme
FROM ad_user u
JOIN ad_client c ON c.ad_client_id = u.ad_client_id
CROSS JOIN (
  SELECT EXISTS (
    SELECT 1 FROM ad_sysconfig s
    WHERE s.name = 'USER_PASSWORD_HASH'
      AND s.ad_client_id = 0 AND s.ad_org_id = 0 AND s.isactive = 'Y'
      AND upper(s.value) IN ('Y', 'TRUE')
  ) AS hashed
) h
WHERE u.isactive = 'Y'
  AND c.isactive = 'Y'
  AND {{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}} <> ''
{{^system_users}}  AND u.ad_client_id <> 0
{{/system_users}}{{#tenant}}  AND (u.ad_client_id = {{tenant}}{{#system_users}} OR u.ad_client_id = 0{{/system_users}})
{{/tenant}}  AND EXISTS (
    SELECT 1 FROM ad_user_roles ur
    JOIN ad_role r ON r.ad_role_id = ur.ad_role_id
    WHERE ur.ad_user_id = u.ad_user_id AND ur.isactive = 'Y' AND r.isactive = 'Y'
  )
  AND NOT EXISTS (
    SELECT 1 FROM ad_user d
    JOIN ad_client dc ON dc.ad_client_id = d.ad_client_id
    WHERE lower({{#login=name}}COALESCE(d.ldapuser, d.name){{/login}}{{#login=email}}d.email{{/login}}) = lower({{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}})
      AND d.ad_user_id <> u.ad_user_id
      AND d.isactive = 'Y'
      AND dc.isactive = 'Y'
{{^system_users}}      AND d.ad_client_id <> 0
{{/system_users}}{{#tenant}}      AND (d.ad_client_id = {{tenant}}{{#system_users}} OR d.ad_client_id = 0{{/system_users}})
{{/tenant}}      AND EXISTS (
        SELECT 1 FROM ad_user_roles dur
        JOIN ad_role dr ON dr.ad_role_id = dur.ad_role_id
        WHERE dur.ad_user_id = d.ad_user_id AND dur.isactive = 'Y' AND dr.isactive = 'Y'
      )
  )
  AND u.password <> ''
  AND COALESCE(u.islocked, 'N') <> 'Y'
  AND COALESCE(u.isexpired, 'N') <> 'Y'
  AND NOT EXISTS (
    SELECT 1 FROM ad_sysconfig age
    WHERE age.name = 'USER_LOCKING_MAX_PASSWORD_AGE_DAY'
      AND age.ad_client_id = 0 AND age.ad_org_id = 0 AND age.isactive = 'Y'
      AND COALESCE(u.isnopasswordreset, 'N') <> 'Y'
      AND CASE WHEN age.value ~ '^[0-9]{1,9}$' THEN CAST(age.value AS integer) ELSE 0 END > 0
      AND u.datepasswordchanged
        <= LOCALTIMESTAMP - (CASE WHEN age.value ~ '^[0-9]{1,9}$' THEN CAST(age.value AS integer) ELSE 0 END + 1) * INTERVAL '1 day'
  )
  AND NOT (
    COALESCE(u.ldapuser, '') <> ''
    AND EXISTS (
      SELECT 1 FROM ad_system s
      WHERE COALESCE(s.ldaphost, '') <> '' AND COALESCE(s.ldapdomain, '') <> ''
    )
  )
  AND (
    (
      h.hashed
      AND u.salt <> ''
{{#algorithms}}      AND (u.passwordhashalgorithm IS NULL OR upper(u.passwordhashalgorithm) IN ('SHA-512', 'PBKDF2', 'ARGON2'))
{{/algorithms}}    )
    OR (NOT h.hashed AND COALESCE(u.salt, '') = '')
  )
