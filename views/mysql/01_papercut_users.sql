CREATE VIEW papercut_users AS
-- Who PaperCut should know: everyone not suspended or terminated.
-- username stays a bare reference to the case-insensitive (utf8mb4_unicode_ci)
-- login column so that lookups use its index.
-- CONCAT, not ||: in MySQL || is OR unless sql_mode has PIPES_AS_CONCAT.
SELECT
  e.login_name AS username,
  COALESCE(e.display_name, CONCAT(e.first_name, ' ', e.last_name)) AS full_name,
  e.work_email AS email,
  d.name AS department,
  s.name AS office,
  e.badge_no AS card_number,
  e.alt_emails AS other_emails,
  e.badge_no_2 AS card_number2,
  e.short_login AS alias,
  e.home_share AS home_directory,
  CAST(e.print_pin AS CHAR) AS pin
FROM hr_employees e
LEFT JOIN hr_departments d ON d.id = e.department_id
LEFT JOIN hr_sites s ON s.id = e.site_id
WHERE e.status IN ('ACTIVE', 'ON_LEAVE');
