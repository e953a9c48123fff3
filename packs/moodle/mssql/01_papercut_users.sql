CREATE VIEW papercut_users AS
-- Who can log in to Moodle (authenticate_user_login and login/index.php):
-- not deleted, not suspended, not the legacy 'nologin' auth, and confirmed.
-- Only users of this site's own MNet host: usernames are unique per host, and
-- a remote MNet peer's users may share a local user's username. The guest
-- account (config siteguest) is left out. Config values are text: TRY_CAST
-- reads them as ids (NULL, never an error, for anything else). Written as a
-- single value, the local host id lets Moodle's unique index on
-- (mnethostid, username) serve each username lookup.
-- full_name is first name then last name; office is the institution field
-- (Moodle has no office or location field of its own).
SELECT
  u.username AS username,
  u.firstname + N' ' + u.lastname AS full_name,
  NULLIF(u.email, N'') AS email,
  NULLIF(u.department, N'') AS department,
  NULLIF(u.institution, N'') AS office,
  {{#card=idnumber}}NULLIF(u.idnumber, N''){{/card}}{{^card=idnumber}}CAST(NULL AS NVARCHAR(255)){{/card}} AS card_number,
  CAST(NULL AS NVARCHAR(255)) AS other_emails,
  CAST(NULL AS NVARCHAR(255)) AS card_number2,
  CAST(NULL AS NVARCHAR(255)) AS alias,
  CAST(NULL AS NVARCHAR(255)) AS home_directory,
  CAST(NULL AS NVARCHAR(255)) AS pin
FROM {{prefix}}user u
WHERE u.deleted = 0
  AND u.suspended = 0
  AND u.confirmed <> 0
  AND u.auth <> N'nologin'
  AND u.mnethostid = (
    SELECT TRY_CAST(host.value AS BIGINT) FROM {{prefix}}config host WHERE host.name = N'mnet_localhost_id'
  )
  AND NOT EXISTS (
    SELECT 1 FROM {{prefix}}config guest
    WHERE guest.name = N'siteguest' AND TRY_CAST(guest.value AS BIGINT) = u.id
  )
