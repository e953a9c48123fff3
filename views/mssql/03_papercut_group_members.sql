CREATE VIEW papercut_group_members AS
-- Effective membership: a member of a role is a member of every role that includes it,
-- however deep. T-SQL recursion allows UNION ALL only, so each row carries the path of
-- role ids it came through ('/1/2/'), and a role already on the path is not entered
-- again: a cycle in the ERP's data ends the recursion instead of looping. A view cannot
-- carry OPTION (MAXRECURSION), so nesting is also capped at 50 levels, below the default 100.
-- Duplicates are removed on ids: DISTINCT on the case-insensitive login would merge MBrown and mbrown.
WITH role_tree (ancestor_id, role_id, depth, path) AS (
  SELECT r.id, r.id, 0, CAST(CONCAT('/', r.id, '/') AS VARCHAR(4000))
  FROM sec_roles r
  UNION ALL
  SELECT t.ancestor_id, i.child_role_id, t.depth + 1, CAST(CONCAT(t.path, i.child_role_id, '/') AS VARCHAR(4000))
  FROM role_tree t
  JOIN sec_role_includes i ON i.parent_role_id = t.role_id
  WHERE t.depth < 50
    AND t.path NOT LIKE CONCAT('%/', i.child_role_id, '/%')
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
