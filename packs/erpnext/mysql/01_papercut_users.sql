CREATE VIEW papercut_users AS
-- Who can log in to Frappe's desk: enabled System Users, not Administrator or
-- Guest. Website Users (customers, suppliers, portal sign-ups) and users of
-- custom User Types are left out.
-- With ERPNext, a user who has employee records must have an Active one: a user
-- whose records are all Left, Inactive or Suspended is left out, and a user with
-- none is listed without department, office and card. Frappe allows one Active
-- record per user (Employee.validate_duplicate_user_id); should an import have
-- made two, the first by name is read, so that each user is listed once.
-- department: the department's name without the company suffix; office: the
-- employee's branch (a Branch is named by its branch field); card number: the
-- attendance device ID.
SELECT
  {{#login=username}}COALESCE(NULLIF(u.username, ''), u.`name`){{/login}}{{^login=username}}u.`name`{{/login}} AS username,
  u.full_name AS full_name,
  u.email AS email,
{{#erpnext}}  d.department_name AS department,
  e.branch AS office,
  e.attendance_device_id AS card_number,
{{/erpnext}}{{^erpnext}}  CAST(NULL AS CHAR) AS department,
  CAST(NULL AS CHAR) AS office,
  CAST(NULL AS CHAR) AS card_number,
{{/erpnext}}  CAST(NULL AS CHAR) AS other_emails,
  CAST(NULL AS CHAR) AS card_number2,
  CAST(NULL AS CHAR) AS alias,
  CAST(NULL AS CHAR) AS home_directory,
  CAST(NULL AS CHAR) AS pin
FROM `tabUser` u
{{#erpnext}}LEFT JOIN `tabEmployee` e
  ON e.user_id = u.`name`
  AND e.status = 'Active'{{#company}}
  AND e.company IN (SELECT c.`name` FROM `tabCompany` c WHERE c.abbr = {{company}}){{/company}}
  AND NOT EXISTS (
    SELECT 1 FROM `tabEmployee` o
    WHERE o.user_id = e.user_id AND o.status = 'Active' AND o.`name` < e.`name`{{#company}} AND o.company = e.company{{/company}}
  )
LEFT JOIN `tabDepartment` d ON d.`name` = e.department
{{/erpnext}}WHERE u.enabled = 1
  AND u.user_type = 'System User'
  AND u.`name` NOT IN ('Administrator', 'Guest')
{{#erpnext}}{{#company}}  AND e.`name` IS NOT NULL
{{/company}}{{^company}}  AND (e.`name` IS NOT NULL OR (SELECT COUNT(*) FROM `tabEmployee` x WHERE x.user_id = u.`name`) = 0)
{{/company}}{{/erpnext}}{{^erpnext}}{{#company}}  AND 1 = 0
{{/company}}{{/erpnext}}
