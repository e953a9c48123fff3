CREATE VIEW papercut_group_members AS
-- Cohort members (and with course_groups=yes, course group members), under
-- the group names of 02_papercut_groups.sql. Members are read from this site's
-- own MNet host only: a remote peer's user may share a local username.
-- Inactive users' rows are harmless: the bridge keeps only papercut_users.
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
SELECT n.group_name AS group_name, u.username AS username
FROM unique_names n
JOIN {{prefix}}cohort_members cm ON cm.cohortid = n.id
JOIN {{prefix}}user u ON u.id = cm.userid
WHERE n.kind = 1
  AND n.uses = 1
  AND u.deleted = 0
  AND EXISTS (
    SELECT 1 FROM {{prefix}}config host
    WHERE host.name = 'mnet_localhost_id' AND host.value = CAST(u.mnethostid AS varchar)
  )
{{#course_groups}}
UNION ALL
SELECT n.group_name, u.username
FROM unique_names n
JOIN {{prefix}}groups_members gm ON gm.groupid = n.id
JOIN {{prefix}}user u ON u.id = gm.userid
WHERE n.kind = 2
  AND n.uses = 1
  AND u.deleted = 0
  AND EXISTS (
    SELECT 1 FROM {{prefix}}config host
    WHERE host.name = 'mnet_localhost_id' AND host.value = CAST(u.mnethostid AS varchar)
  )
{{/course_groups}}
