CREATE VIEW papercut_group_members AS
-- A role's members: the users holding it in tabHas Role (parenttype 'User';
-- the same table holds the roles of Role Profiles, Pages and Reports). A user
-- given a Role Profile holds its roles there too, copied by Frappe.
-- A department's members: the users whose Active employee record (the one
-- papercut_users reads) is in the department or in any department below it
-- (ERPNext's nested set: lft and rgt).
-- Inactive users' rows are harmless: the bridge keeps only papercut_users.
SELECT
  r.name AS group_name,
  {{#login=username}}COALESCE(NULLIF(u.username, ''), u.name){{/login}}{{^login=username}}u.name{{/login}} AS username
FROM "tabHas Role" m
JOIN "tabRole" r ON r.name = m.role
JOIN "tabUser" u ON u.name = m.parent
WHERE m.parenttype = 'User'
  AND r.disabled = 0
  AND r.name NOT IN ('Administrator', 'Guest', 'All', 'Desk User'){{#groups=departments}}
  AND 1 = 0{{/groups}}
{{#erpnext}}{{^groups=roles}}UNION ALL
SELECT
  g.name,
  {{#login=username}}COALESCE(NULLIF(u.username, ''), u.name){{/login}}{{^login=username}}u.name{{/login}}
FROM "tabDepartment" g
JOIN "tabDepartment" d ON d.lft >= g.lft AND d.rgt <= g.rgt
JOIN "tabEmployee" e ON e.department = d.name
JOIN "tabUser" u ON u.name = e.user_id
WHERE g.parent_department IS NOT NULL
  AND g.parent_department <> ''
  AND e.status = 'Active'{{#company}}
  AND e.company IN (SELECT c.name FROM "tabCompany" c WHERE c.abbr = {{company}}){{/company}}
  AND NOT EXISTS (
    SELECT 1 FROM "tabEmployee" o
    WHERE o.user_id = e.user_id AND o.status = 'Active' AND o.name < e.name{{#company}} AND o.company = e.company{{/company}}
  )
{{/groups}}{{/erpnext}}
