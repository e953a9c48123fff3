CREATE VIEW papercut_groups AS
-- Roles (groups=roles or both): every enabled role but the ones Frappe gives
-- every user by itself (frappe.permissions.AUTOMATIC_ROLES: Administrator,
-- Guest, All, and Frappe 15's Desk User), which are no use as groups.
-- Departments (groups=departments or both, with ERPNext): every department but
-- the root (All Departments), by its name, which ERPNext makes
-- '<department_name> - <company abbreviation>': department names repeat from
-- company to company, these do not.
SELECT r.name AS group_name
FROM "tabRole" r
WHERE r.disabled = 0
  AND r.name NOT IN ('Administrator', 'Guest', 'All', 'Desk User'){{#groups=departments}}
  AND 1 = 0{{/groups}}
{{#erpnext}}{{^groups=roles}}UNION ALL
SELECT d.name
FROM "tabDepartment" d
WHERE d.parent_department IS NOT NULL
  AND d.parent_department <> ''{{#company}}
  AND d.company IN (SELECT c.name FROM "tabCompany" c WHERE c.abbr = {{company}}){{/company}}
{{/groups}}{{/erpnext}}
