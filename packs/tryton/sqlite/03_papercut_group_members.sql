CREATE VIEW papercut_group_members AS
-- Effective membership as res.user-res.group user_group_all_table computes it:
-- a member of a group is a member of the group's parent, and of its parent's
-- parent, however deep. Like Tryton, the walk up passes through archived
-- groups (their members still inherit the parents' accesses); only active
-- groups are listed. UNION (not UNION ALL) stops the walk should a cycle exist.
WITH RECURSIVE group_parents (id, parent) AS (
  SELECT g.id, g.id FROM res_group g
  UNION
  SELECT p.id, g.parent
  FROM group_parents p
  JOIN res_group g ON g.id = p.parent
  WHERE g.parent IS NOT NULL
)
-- Without DISTINCT, so that a filter on one user reaches the NOCASE index on
-- login and the one on "res_user-res_group"."user". A user reached through
-- two groups appears twice; the bridge lists each name once. SQLite's planner
-- needs the groups below each group as an IN list: as a plain join it scans
-- every membership for one group.
SELECT
  {{#language}}COALESCE((
    SELECT t.value FROM ir_translation t
    WHERE t.type = 'model' AND t.name = 'res.group,name' AND t.res_id = g.id
      AND t.lang = {{language}} AND COALESCE(t.fuzzy, 0) = 0 AND t.value <> ''
    ORDER BY t.id DESC LIMIT 1
  ), g.name){{/language}}{{^language}}g.name{{/language}} AS group_name,
  u.login AS username
FROM res_group g
JOIN "res_user-res_group" ug ON ug."group" IN (SELECT p.id FROM group_parents p WHERE p.parent = g.id)
JOIN res_user u ON u.id = ug."user"
WHERE g.active = 1 AND u.active = 1 AND u.id <> 0
