CREATE VIEW papercut_group_members AS
-- Effective membership: a member of a group is a member of every group it
-- implies (res_groups_implied_rel), however deep; names as in papercut_groups.
-- Archived and portal users' rows are left to the bridge, which lists only
-- papercut_users.
WITH RECURSIVE implied (gid, hid) AS (
  SELECT id, id FROM res_groups
  UNION
  SELECT i.gid, r.hid FROM implied i JOIN res_groups_implied_rel r ON r.gid = i.hid
)
SELECT
  CASE WHEN c.id IS NULL
    THEN COALESCE(g.name ->> {{lang}}, g.name ->> 'en_US')
    ELSE COALESCE(c.name ->> {{lang}}, c.name ->> 'en_US') || ' / ' || COALESCE(g.name ->> {{lang}}, g.name ->> 'en_US')
  END AS group_name,
  u.login AS username
FROM implied i
JOIN res_groups g ON g.id = i.hid
{{#privileges}}LEFT JOIN res_groups_privilege c ON c.id = g.privilege_id
{{/privileges}}{{^privileges}}LEFT JOIN ir_module_category c ON c.id = g.category_id
{{/privileges}}JOIN res_groups_users_rel m ON m.gid = i.gid
JOIN res_users u ON u.id = m.uid
