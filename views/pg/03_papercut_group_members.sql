CREATE VIEW papercut_group_members AS
-- Effective membership: a member of a role is a member of every role that includes it,
-- however deep. UNION (not UNION ALL) also stops the recursion should the ERP ever hold a cycle.
-- Duplicates are removed on ids, not on logins: two accounts may differ only in case.
WITH RECURSIVE role_tree (ancestor_id, role_id) AS (
  SELECT r.id, r.id FROM sec_roles r
  UNION
  SELECT t.ancestor_id, i.child_role_id
  FROM role_tree t
  JOIN sec_role_includes i ON i.parent_role_id = t.role_id
),
effective (role_id, employee_id) AS (
  SELECT DISTINCT t.ancestor_id, ur.employee_id
  FROM role_tree t
  JOIN sec_user_roles ur ON ur.role_id = t.role_id
)
SELECT
  r.role_name AS group_name,
  e.login_name AS username
FROM effective m
JOIN sec_roles r ON r.id = m.role_id
JOIN hr_employees e ON e.id = m.employee_id;
