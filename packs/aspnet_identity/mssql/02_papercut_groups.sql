CREATE VIEW papercut_groups AS
-- Every role (AspNetRoles), members or not. Identity's roles do not nest.
-- role names are unique case-insensitively (the unique RoleNameIndex on
-- NormalizedName). A role without a name cannot be given to anyone by name.
SELECT r.[Name] AS group_name
FROM [AspNetRoles] r
WHERE r.[Name] IS NOT NULL
