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
-- A plain join without DISTINCT: a filter on one user reaches the indexes on
-- lower(login) and "res_user-res_group"."user", one on a group those on
-- lower(name) and "res_user-res_group"."group". A user reached through two
-- groups appears twice; the bridge lists each name once.
SELECT
  {{#language}}COALESCE((
    SELECT t.value FROM ir_translation t
    WHERE t.type = 'model' AND t.name = 'res.group,name' AND t.res_id = g.id
      AND t.lang = {{language}} AND NOT COALESCE(t.fuzzy, false) AND t.value <> ''
    ORDER BY t.id DESC LIMIT 1
  ), g.name){{/language}}{{^language}}g.name{{/language}} AS group_name,
  u.login AS username
FROM group_parents p
JOIN res_group g ON g.id = p.parent
JOIN "res_user-res_group" ug ON ug."group" = p.id
JOIN res_user u ON u.id = ug."user"
WHERE g.active AND u.active AND u.id <> 0
