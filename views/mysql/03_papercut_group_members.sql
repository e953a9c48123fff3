CREATE VIEW papercut_group_members AS
-- Effective membership: a member of a role is a member of every role that includes it,
-- however deep. UNION (not UNION ALL) also stops the recursion should the ERP ever hold a cycle.
WITH RECURSIVE role_tree (ancestor_id, role_id) AS (
  SELECT r.id, r.id FROM sec_roles r
  UNION
  SELECT t.ancestor_id, i.child_role_id
  FROM role_tree t
  JOIN sec_role_includes i ON i.parent_role_id = t.role_id
)
-- A plain join, without DISTINCT: a filter on the group reaches the index on
-- sec_user_roles.role_id, one on the login the index on hr_employees, so
-- group-member-names reads only the group's memberships and is-user-in-group
-- only the user's. A pair reached through two roles appears twice; the bridge
-- lists each name once.
SELECT
  r.role_name AS group_name,
  e.login_name AS username
FROM role_tree t
JOIN sec_roles r ON r.id = t.ancestor_id
JOIN sec_user_roles ur ON ur.role_id = t.role_id
JOIN hr_employees e ON e.id = ur.employee_id;
