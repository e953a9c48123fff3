CREATE VIEW papercut_credentials AS
-- Only users whose auth plugin checks the password stored in Moodle
-- (validate_internal_user_password): 'manual', always enabled, and 'email',
-- when it is among the enabled plugins (config auth). Others (ldap, cas,
-- oauth2, mnet, webservice, ...) store 'not cached' or a copy never checked.
-- The hashes Moodle writes:
--   $6$rounds=10000$...  SHA-512 crypt, Moodle 4.3 and later (5000 rounds: bulk-made)
--   $2y$10$...           bcrypt, Moodle 2.5 to 4.2 (still checked by 4.3 and later)
--   32 hex digits        md5(password followed by $CFG->passwordsaltmain), before Moodle 2.5;
--                        checked only up to Moodle 4.2 (config version below 2023100900)
-- Anything else ('not cached', 'to be created', '') is no credential.
SELECT
  u.username AS username,
  u.password AS password_hash,
  CASE WHEN u.password LIKE '$%' THEN NULL ELSE {{#salt}}{{salt}}{{/salt}}{{^salt}}NULL{{/salt}} END AS password_salt,
  CASE WHEN u.password LIKE '$%' THEN NULL ELSE 'md5-password-salt' END AS password_scheme
FROM {{prefix}}user u
WHERE u.deleted = 0
  AND u.suspended = 0
  AND u.confirmed <> 0
  AND (
    u.auth = 'manual'
    OR (
      u.auth = 'email'
      AND EXISTS (
        SELECT 1 FROM {{prefix}}config enabled
        WHERE enabled.name = 'auth' AND CONCAT(',', enabled.value, ',') LIKE '%,email,%'
      )
    )
  )
  AND (
    u.password LIKE '$6$%'
    OR u.password LIKE '$2y$%'
    OR (
      CAST(u.password AS BINARY) REGEXP '^[0-9a-f]{32}$'
      AND EXISTS (
        SELECT 1 FROM {{prefix}}config site
        WHERE site.name = 'version' AND site.value < '2023100900'
      )
    )
  )
  AND u.mnethostid = (SELECT host.value FROM {{prefix}}config host WHERE host.name = 'mnet_localhost_id')
  AND NOT EXISTS (
    SELECT 1 FROM {{prefix}}config guest
    WHERE guest.name = 'siteguest' AND guest.value = u.id
  )
