CREATE VIEW papercut_group_members AS
-- Effective membership: a user holds the roles of their active AD_User_Roles
-- rows and every role those include (AD_Role_Included), however deep, as
-- MRole does: only through active inclusion rows and active roles; a cycle
-- ends where it closes. Role names as in 02_papercut_groups.sql.
-- Members are read with the users' own filters (active, active tenant, the
-- tenant and system_users options): an inactive user may share a login with
-- a listed one, and must not lend them roles.
WITH RECURSIVE roles AS (
  SELECT r.ad_role_id, r.name, c.name AS tenant
  FROM ad_role r
  JOIN ad_client c ON c.ad_client_id = r.ad_client_id
  WHERE r.isactive = 'Y'
    AND c.isactive = 'Y'
{{^system_users}}    AND r.ad_client_id <> 0
{{/system_users}}{{#tenant}}    AND (r.ad_client_id = {{tenant}}{{#system_users}} OR r.ad_client_id = 0{{/system_users}})
{{/tenant}}),
named AS (
  SELECT ad_role_id,
    CASE WHEN COUNT(*) OVER (PARTITION BY lower(name)) > 1 THEN name || ' [' || tenant || ']' ELSE name END AS group_name
  FROM roles
),
unique_names AS (
  SELECT ad_role_id, group_name, COUNT(*) OVER (PARTITION BY lower(group_name)) AS uses
  FROM named
),
role_tree (held_role_id, ad_role_id) AS (
  SELECT r.ad_role_id, r.ad_role_id FROM ad_role r WHERE r.isactive = 'Y'
  UNION
  SELECT t.held_role_id, ri.included_role_id
  FROM role_tree t
  JOIN ad_role_included ri ON ri.ad_role_id = t.ad_role_id AND ri.isactive = 'Y'
  JOIN ad_role r ON r.ad_role_id = ri.included_role_id AND r.isactive = 'Y'
)
SELECT
  n.group_name AS group_name,
  {{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}} AS username
FROM unique_names n
JOIN role_tree t ON t.ad_role_id = n.ad_role_id
JOIN ad_user_roles ur ON ur.ad_role_id = t.held_role_id AND ur.isactive = 'Y'
JOIN ad_user u ON u.ad_user_id = ur.ad_user_id
JOIN ad_client c ON c.ad_client_id = u.ad_client_id
WHERE n.uses = 1
  AND u.isactive = 'Y'
  AND c.isactive = 'Y'
{{^system_users}}  AND u.ad_client_id <> 0
{{/system_users}}{{#tenant}}  AND (u.ad_client_id = {{tenant}}{{#system_users}} OR u.ad_client_id = 0{{/system_users}})
{{/tenant}}
