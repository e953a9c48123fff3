CREATE VIEW papercut_users AS
-- Who PaperCut should know: everyone not suspended or terminated.
-- username stays a bare reference to the case-insensitive (Latin1_General_100_CI_AS)
-- login column so that lookups use its index.
-- + yields NULL when either side is NULL; first_name and last_name are NOT NULL.
SELECT
  e.login_name AS username,
  COALESCE(e.display_name, e.first_name + N' ' + e.last_name) AS full_name,
  e.work_email AS email,
  d.name AS department,
  s.name AS office,
  e.badge_no AS card_number,
  e.alt_emails AS other_emails,
  e.badge_no_2 AS card_number2,
  e.short_login AS alias,
  e.home_share AS home_directory,
  CAST(e.print_pin AS NVARCHAR(11)) AS pin
FROM hr_employees e
LEFT JOIN hr_departments d ON d.id = e.department_id
LEFT JOIN hr_sites s ON s.id = e.site_id
WHERE e.status IN (N'ACTIVE', N'ON_LEAVE');
