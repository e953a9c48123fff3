CREATE VIEW papercut_users AS
-- Active users only: Tryton's own login (res.user _get_login) requires active.
-- root (id 0) is Tryton's internal superuser, inactive and never a person.
-- username stays the bare login column, so that a lookup by lower(username)
-- reaches an index on lower(login) (see README).
SELECT
  u.login AS username,
  u.name AS full_name,
  u.email AS email,
  CAST(NULL AS text) AS department,
  CAST(NULL AS text) AS office,
  CAST(NULL AS text) AS card_number,
  CAST(NULL AS text) AS other_emails,
  CAST(NULL AS text) AS card_number2,
  CAST(NULL AS text) AS alias,
  CAST(NULL AS text) AS home_directory,
  CAST(NULL AS text) AS pin
FROM res_user u
WHERE u.active AND u.id <> 0
