CREATE VIEW papercut_users AS
-- Who can log in to Moodle (authenticate_user_login and login/index.php):
-- not deleted, not suspended, not the legacy 'nologin' auth, and confirmed.
-- Only users of this site's own MNet host: usernames are unique per host, and
-- a remote MNet peer's users may share a local user's username. The guest
-- account (config siteguest) is left out. Config values are text, so the ids
-- are compared as text.
-- full_name is first name then last name; office is the institution field
-- (Moodle has no office or location field of its own).
SELECT
  u.username AS username,
  u.firstname || ' ' || u.lastname AS full_name,
  NULLIF(u.email, '') AS email,
  NULLIF(u.department, '') AS department,
  NULLIF(u.institution, '') AS office,
  {{#card=idnumber}}NULLIF(u.idnumber, ''){{/card}}{{^card=idnumber}}CAST(NULL AS varchar){{/card}} AS card_number,
  CAST(NULL AS varchar) AS other_emails,
  CAST(NULL AS varchar) AS card_number2,
  CAST(NULL AS varchar) AS alias,
  CAST(NULL AS varchar) AS home_directory,
  CAST(NULL AS varchar) AS pin
FROM {{prefix}}user u
WHERE u.deleted = 0
  AND u.suspended = 0
  AND u.confirmed <> 0
  AND u.auth <> 'nologin'
  AND EXISTS (
    SELECT 1 FROM {{prefix}}config host
    WHERE host.name = 'mnet_localhost_id' AND host.value = CAST(u.mnethostid AS varchar)
  )
  AND NOT EXISTS (
    SELECT 1 FROM {{prefix}}config guest
    WHERE guest.name = 'siteguest' AND guest.value = CAST(u.id AS varchar)
  )
