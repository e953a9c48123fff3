CREATE VIEW papercut_users AS
-- Internal users (active, share not true): name and email from their partner;
-- department, work location, badge ID (card) and PIN from the employee Odoo
-- shows as theirs (the active one in the user's company, or in the company
-- option's), read from hr_version on 19.0. See packs/odoo/README.md.
SELECT
  u.login AS username,
  p.name AS full_name,
  p.email AS email,
{{#hr_version}}  CASE jsonb_typeof(to_jsonb(d.name))
    WHEN 'object' THEN COALESCE(to_jsonb(d.name) ->> {{lang}}, to_jsonb(d.name) ->> 'en_US')
    ELSE to_jsonb(d.name) #>> '{}'
  END AS department,
  w.name AS office,
  e.barcode AS card_number,
{{/hr_version}}{{^hr_version}}{{#hr}}  CASE jsonb_typeof(to_jsonb(d.name))
    WHEN 'object' THEN COALESCE(to_jsonb(d.name) ->> {{lang}}, to_jsonb(d.name) ->> 'en_US')
    ELSE to_jsonb(d.name) #>> '{}'
  END AS department,
  w.name AS office,
  e.barcode AS card_number,
{{/hr}}{{^hr}}  NULL AS department,
  NULL AS office,
  NULL AS card_number,
{{/hr}}{{/hr_version}}  NULL AS other_emails,
  NULL AS card_number2,
  NULL AS alias,
  NULL AS home_directory,
{{#hr_version}}  e.pin AS pin
{{/hr_version}}{{^hr_version}}{{#hr}}  e.pin AS pin
{{/hr}}{{^hr}}  NULL AS pin
{{/hr}}{{/hr_version}}FROM res_users u
JOIN res_partner p ON p.id = u.partner_id
{{#hr_version}}LEFT JOIN hr_employee e
  ON e.user_id = u.id AND e.active
  AND e.company_id = {{#company}}{{company}}{{/company}}{{^company}}u.company_id{{/company}}
LEFT JOIN hr_version v ON v.id = e.current_version_id
LEFT JOIN hr_department d ON d.id = v.department_id
LEFT JOIN hr_work_location w ON w.id = v.work_location_id
{{/hr_version}}{{^hr_version}}{{#hr}}LEFT JOIN hr_employee e
  ON e.user_id = u.id AND e.active
  AND e.company_id = {{#company}}{{company}}{{/company}}{{^company}}u.company_id{{/company}}
LEFT JOIN hr_department d ON d.id = e.department_id
LEFT JOIN hr_work_location w ON w.id = e.work_location_id
{{/hr}}{{/hr_version}}WHERE u.active
  AND u.share IS NOT TRUE
{{#company}}  AND EXISTS (SELECT 1 FROM res_company_users_rel r WHERE r.user_id = u.id AND r.cid = {{company}})
{{/company}}
