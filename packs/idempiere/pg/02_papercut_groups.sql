CREATE VIEW papercut_groups AS
-- Every active role (AD_Role) of an active tenant, including roles nobody holds
-- yet and master roles that only other roles include; the System tenant's roles
-- only with system_users=yes, one tenant's with tenant=.
-- Role names repeat from tenant to tenant: a name more than one role has (case
-- aside) gets the tenant's name in brackets, 'Print Room [GardenWorld]'; a name
-- still shared after that is left out, so that no two roles' members merge.
-- 03_papercut_group_members.sql names the roles the same way.
WITH roles AS (
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
)
SELECT group_name
FROM unique_names
WHERE uses = 1
