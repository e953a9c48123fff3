CREATE VIEW papercut_group_members AS
-- AspNetUserRoles as a plain join: a filter on one role or one user reaches
-- the table's primary key (UserId, RoleId) and its IX_AspNetUserRoles_RoleId
-- index. Locked-out users keep their roles: the bridge keeps only the members
-- papercut_users lists.
SELECT
  r.[Name] AS group_name,
  u.[UserName] AS username
FROM [AspNetRoles] r
JOIN [AspNetUserRoles] ur ON ur.[RoleId] = r.[Id]
JOIN [AspNetUsers] u ON u.[Id] = ur.[UserId]
