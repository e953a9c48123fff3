CREATE VIEW papercut_groups AS
-- Every role, members or not.
SELECT r.role_name AS group_name
FROM sec_roles r;
