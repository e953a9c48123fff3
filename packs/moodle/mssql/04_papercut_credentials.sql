CREATE VIEW papercut_credentials AS
-- Only users whose auth plugin checks the password stored in Moodle
-- (validate_internal_user_password): 'manual', always enabled, and 'email',
-- when it is among the enabled plugins (config auth). Others (ldap, cas,
-- oauth2, mnet, webservice, ...) store 'not cached' or a copy never checked.
-- The hashes Moodle writes:
--   $6$rounds=10000$...  SHA-512 crypt, Moodle 4.3 and later (5000 rounds: bulk-made)
--   $2y$10$...           bcrypt, Moodle 2.5 to 4.2 (still checked by 4.3 and later)
--   32 hex digits        md5(password followed by $CFG->passwordsaltmain), before
--                        Moodle 2.5; checked only up to Moodle 4.2 (config version
--                        below 2023100900)
-- Anything else ('not cached', 'to be created', '') is no credential.
SELECT
  u.username AS username,
  u.password AS password_hash,
  CASE WHEN u.password LIKE N'$%' THEN NULL ELSE {{#salt}}{{salt}}{{/salt}}{{^salt}}CAST(NULL AS NVARCHAR(255)){{/salt}} END AS password_salt,
  CASE WHEN u.password LIKE N'$%' THEN NULL ELSE N'md5-password-salt' END AS password_scheme
FROM {{prefix}}user u
WHERE u.deleted = 0
  AND u.suspended = 0
  AND u.confirmed <> 0
  AND (
    u.auth = N'manual'
    OR (
      u.auth = N'email'
      AND EXISTS (
        SELECT 1 FROM {{prefix}}config enabled
        WHERE enabled.name = N'auth' AND N',' + enabled.value + N',' LIKE N'%,email,%'
      )
    )
  )
  AND (
    u.password LIKE N'$6$%'
    OR u.password LIKE N'$2y$%'
    OR (
      LEN(u.password) = 32
      AND u.password COLLATE Latin1_General_BIN NOT LIKE N'%[^0-9a-f]%'
      AND EXISTS (
        SELECT 1 FROM {{prefix}}config site
        WHERE site.name = N'version' AND site.value < N'2023100900'
      )
    )
  )
  AND u.mnethostid = (
    SELECT TRY_CAST(host.value AS BIGINT) FROM {{prefix}}config host WHERE host.name = N'mnet_localhost_id'
  )
  AND NOT EXISTS (
    SELECT 1 FROM {{prefix}}config guest
    WHERE guest.name = N'siteguest' AND TRY_CAST(guest.value AS BIGINT) = u.id
  )
