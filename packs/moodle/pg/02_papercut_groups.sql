CREATE VIEW papercut_groups AS
-- Every cohort, hidden ones too (visible only hides a cohort from teachers),
-- and with course_groups=yes every course group, named
-- '<course shortname> / <group name>'.
-- Names must not collide: cohort names repeat across contexts, and a cohort
-- may be named like a course group. A name shared by more than one (case
-- aside) gets the ID number in brackets, or '[cohort <id>]' / '[group <id>]'
-- when there is none; a name that still collides after that is left out, so
-- that no two groups' members are ever merged.
-- 03_papercut_group_members.sql names the groups the same way.
WITH candidates AS (
  SELECT 1 AS kind, c.id AS id, c.name AS name, c.idnumber AS idnumber
  FROM {{prefix}}cohort c
{{#course_groups}}
  UNION ALL
  SELECT 2, g.id, co.shortname || ' / ' || g.name, g.idnumber
  FROM {{prefix}}groups g
  JOIN {{prefix}}course co ON co.id = g.courseid
{{/course_groups}}
),
named AS (
  SELECT kind, id,
    CASE WHEN COUNT(*) OVER (PARTITION BY lower(name)) > 1
      THEN name || ' [' || COALESCE(NULLIF(idnumber, ''), CASE kind WHEN 1 THEN 'cohort ' ELSE 'group ' END || id) || ']'
      ELSE name
    END AS group_name
  FROM candidates
),
unique_names AS (
  SELECT kind, id, group_name, COUNT(*) OVER (PARTITION BY lower(group_name)) AS uses
  FROM named
)
SELECT group_name
FROM unique_names
WHERE uses = 1
