CREATE VIEW papercut_groups AS
-- Every Django group (auth_group). Django groups do not nest.
SELECT g.name AS group_name
FROM auth_group g
