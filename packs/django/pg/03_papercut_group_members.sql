CREATE VIEW papercut_group_members AS
-- The user model's many-to-many table, <user_table>_groups, as a plain join:
-- a filter on one group or one user reaches the indexes Django made on both of
-- its foreign keys. Inactive users are left out, as in papercut_users.
SELECT
  g.name AS group_name,
  u.username AS username
FROM auth_group g
JOIN {{user_table}}_groups ug ON ug.group_id = g.id
JOIN {{user_table}} u ON u.id = ug.{{user_column}}
WHERE u.is_active = TRUE
