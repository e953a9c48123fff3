CREATE VIEW papercut_credentials AS
-- One row per employee with a password. Disabled accounts keep theirs in the ERP;
-- the bridge refuses anyone papercut_users leaves out.
SELECT
  e.login_name AS username,
  c.password_hash AS password_hash,
  c.salt AS password_salt,
  c.algorithm AS password_scheme
FROM sec_credentials c
JOIN hr_employees e ON e.id = c.employee_id;
