CREATE VIEW papercut_users AS
-- Active users only: Tryton's own login (res.user _get_login) requires active.
-- root (id 0) is Tryton's internal superuser, inactive and never a person.
-- username stays the bare login column, so that a NOCASE lookup reaches an
-- index on (login COLLATE NOCASE) (see README).
SELECT
  u.login AS username,
  u.name AS full_name,
  u.email AS email,
  NULL AS department,
  NULL AS office,
  NULL AS card_number,
  NULL AS other_emails,
  NULL AS card_number2,
  NULL AS alias,
  NULL AS home_directory,
  NULL AS pin
FROM res_user u
WHERE u.active = 1 AND u.id <> 0
