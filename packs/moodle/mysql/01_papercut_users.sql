CREATE VIEW papercut_users AS
-- Who can log in to Moodle (authenticate_user_login and login/index.php):
-- not deleted, not suspended, not the legacy 'nologin' auth, and confirmed.
-- Only users of this site's own MNet host: usernames are unique per host, and
-- a remote MNet peer's users may share a local user's username. The guest
-- account (config siteguest) is left out. Config values are text: MySQL
-- compares them with the ids as numbers. Written as a single value, the
-- local host id lets Moodle's unique index on (mnethostid, username) serve
-- each username lookup.
-- full_name is first name then last name; office is the institution field
-- (Moodle has no office or location field of its own).
SELECT
  u.username AS username,
  CONCAT(u.firstname, ' ', u.lastname) AS full_name,
  NULLIF(u.email, '') AS email,
  NULLIF(u.department, '') AS department,
  NULLIF(u.institution, '') AS office,
  {{#card=idnumber}}NULLIF(u.idnumber, ''){{/card}}{{^card=idnumber}}CAST(NULL AS CHAR){{/card}} AS card_number,
  CAST(NULL AS CHAR) AS other_emails,
  CAST(NULL AS CHAR) AS card_number2,
  CAST(NULL AS CHAR) AS alias,
  CAST(NULL AS CHAR) AS home_directory,
  CAST(NULL AS CHAR) AS pin
FROM {{prefix}}user u
WHERE u.deleted = 0
  AND u.suspended = 0
  AND u.confirmed <> 0
  AND u.auth <> 'nologin'
  AND u.mnethostid = (SELECT host.value FROM {{prefix}}config host WHERE host.name = 'mnet_localhost_id')
  AND NOT EXISTS (
    SELECT 1 FROM {{prefix}}config guest
    WHERE guest.name = 'siteguest' AND guest.value = u.id
  )
