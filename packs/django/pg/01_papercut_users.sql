CREATE VIEW papercut_users AS
-- Active users only: is_active is what Django's own login (ModelBackend) checks.
-- full_name is get_full_name(): first and last name joined by a space, stripped.
-- Stock Django has no department, office or card: the pack's README shows how
-- to read them from a profile table.
SELECT
  u.username AS username,
  TRIM(u.first_name || ' ' || u.last_name) AS full_name,
  u.email AS email,
  NULL AS department,
  NULL AS office,
  NULL AS card_number,
  NULL AS other_emails,
  NULL AS card_number2,
  NULL AS alias,
  NULL AS home_directory,
  NULL AS pin
FROM {{user_table}} u
WHERE u.is_active = TRUE
