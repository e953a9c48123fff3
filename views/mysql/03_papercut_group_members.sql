CREATE VIEW papercut_group_members AS
-- Effective membership: a member of a role is a member of every role that includes it,
-- however deep. UNION (not UNION ALL) also stops the recursion should the ERP ever hold a cycle.
-- Each (role, employee) pair appears once, decided on ids: DISTINCT on the
-- case-insensitive login would merge MBrown and mbrown.
WITH RECURSIVE role_tree (ancestor_id, role_id) AS (
  SELECT r.id, r.id FROM sec_roles r
  UNION
  SELECT t.ancestor_id, i.child_role_id
  FROM role_tree t
  JOIN sec_role_includes i ON i.parent_role_id = t.role_id
)
-- One row per (role, employee) without DISTINCT: a filter on the group or the
-- login reaches the indexes on sec_roles and hr_employees, so one user's
-- membership (is-user-in-group) is a few index lookups, not the whole table.
SELECT
  r.role_name AS group_name,
  e.login_name AS username
FROM sec_roles r
CROSS JOIN hr_employees e
WHERE EXISTS (
  SELECT 1
  FROM sec_user_roles ur
  JOIN role_tree t ON t.role_id = ur.role_id
  WHERE ur.employee_id = e.id AND t.ancestor_id = r.id
);
