CREATE VIEW papercut_users AS
-- The users iDempiere lets log in (Login.getClients, MUser.get): active, of an
-- active tenant, holding an active role through an active AD_User_Roles row.
-- Locked users and expired passwords stay listed (a lock after failed logins
-- lifts by itself); papercut_credentials refuses them. The System tenant's
-- users (System, SuperUser) only with system_users=yes; one tenant with tenant=.
-- The login is COALESCE(LDAPUser, Name) as iDempiere compares it, or EMail with
-- login=email (USE_EMAIL_FOR_LOGIN). iDempiere keeps a login unique within a
-- tenant only, and case-sensitively: a login two listed users share, case
-- aside, is left out for both, so that no one is taken for another.
-- department is the user's organization ('*' gives none); office the tenant.
SELECT
  {{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}} AS username,
  u.name AS full_name,
  NULLIF(u.email, '') AS email,
  o.name AS department,
  c.name AS office,
  CAST(NULL AS varchar) AS card_number,
  CAST(NULL AS varchar) AS other_emails,
  CAST(NULL AS varchar) AS card_number2,
  CAST(NULL AS varchar) AS alias,
  CAST(NULL AS varchar) AS home_directory,
  CAST(NULL AS varchar) AS pin
FROM ad_user u
JOIN ad_client c ON c.ad_client_id = u.ad_client_id
LEFT JOIN ad_org o ON o.ad_org_id = u.ad_org_id AND o.ad_org_id <> 0
WHERE u.isactive = 'Y'
  AND c.isactive = 'Y'
  AND {{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}} <> ''
{{^system_users}}  AND u.ad_client_id <> 0
{{/system_users}}{{#tenant}}  AND (u.ad_client_id = {{tenant}}{{#system_users}} OR u.ad_client_id = 0{{/system_users}})
{{/tenant}}  AND EXISTS (
    SELECT 1 FROM ad_user_roles ur
    JOIN ad_role r ON r.ad_role_id = ur.ad_role_id
    WHERE ur.ad_user_id = u.ad_user_id AND ur.isactive = 'Y' AND r.isactive = 'Y'
  )
  AND NOT EXISTS (
    SELECT 1 FROM ad_user d
    JOIN ad_client dc ON dc.ad_client_id = d.ad_client_id
    WHERE lower({{#login=name}}COALESCE(d.ldapuser, d.name){{/login}}{{#login=email}}d.email{{/login}}) = lower({{#login=name}}COALESCE(u.ldapuser, u.name){{/login}}{{#login=email}}u.email{{/login}})
      AND d.ad_user_id <> u.ad_user_id
      AND d.isactive = 'Y'
      AND dc.isactive = 'Y'
{{^system_users}}      AND d.ad_client_id <> 0
{{/system_users}}{{#tenant}}      AND (d.ad_client_id = {{tenant}}{{#system_users}} OR d.ad_client_id = 0{{/system_users}})
{{/tenant}}      AND EXISTS (
        SELECT 1 FROM ad_user_roles dur
        JOIN ad_role dr ON dr.ad_role_id = dur.ad_role_id
        WHERE dur.ad_user_id = d.ad_user_id AND dur.isactive = 'Y' AND dr.isactive = 'Y'
      )
  )
