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
-- Without DISTINCT, so that a filter on the group reaches the index on
-- sec_user_roles.role_id and one on the login the index on hr_employees:
-- group-member-names reads only the group's memberships, is-user-in-group only
-- the user's. A pair reached through two roles appears twice; the bridge lists
-- each name once. SQLite's planner needs the role expansion as an IN list: as
-- a plain join (the other dialects' form) it scans every membership for one group.
SELECT
  r.role_name AS group_name,
  e.login_name AS username
FROM sec_roles r
JOIN sec_user_roles ur ON ur.role_id IN (SELECT t.role_id FROM role_tree t WHERE t.ancestor_id = r.id)
JOIN hr_employees e ON e.id = ur.employee_id;
