CREATE VIEW papercut_credentials AS
-- PasswordHash as PasswordHasher writes it: base64 of its V2 (0x00, PBKDF2
-- HMAC-SHA1) or V3 (0x01, PBKDF2 with the PRF and iterations in the hash) form,
-- named aspnet-identity. NULL (external logins and passkeys only) and empty
-- (users migrated from ASP.NET Membership without their passwords) never log in.
-- <hash>|1|<salt> is an ASP.NET Membership SHA-1 hash carried over by Microsoft's
-- SQL Membership migration (checked by its SQLPasswordHasher): given as
-- aspnet-membership with its salt, a weak scheme. Its other formats (|0| clear,
-- |2| encrypted) were never checked by that hasher: left out.
-- Logins follow PasswordSignInAsync: refused while locked out (LockoutEnabled and
-- LockoutEnd at or after now) and, with require_confirmed_account=yes, until the
-- email is confirmed.
SELECT
  u.[UserName] AS username,
  CASE WHEN u.[PasswordHash] LIKE N'%|1|%'
    THEN LEFT(u.[PasswordHash], CHARINDEX(N'|1|', u.[PasswordHash]) - 1)
    ELSE u.[PasswordHash]
  END AS password_hash,
  CASE WHEN u.[PasswordHash] LIKE N'%|1|%'
    THEN SUBSTRING(u.[PasswordHash], CHARINDEX(N'|1|', u.[PasswordHash]) + 3, 4000)
  END AS password_salt,
  CASE WHEN u.[PasswordHash] LIKE N'%|1|%' THEN N'aspnet-membership' ELSE N'aspnet-identity' END AS password_scheme
FROM [AspNetUsers] u
WHERE u.[UserName] IS NOT NULL
  AND u.[PasswordHash] <> N''
  AND (
    u.[PasswordHash] NOT LIKE N'%|%'
    OR (u.[PasswordHash] LIKE N'%|1|%' AND u.[PasswordHash] NOT LIKE N'%|%|%|%')
  )
  AND (u.[LockoutEnabled] = 0 OR u.[LockoutEnd] IS NULL OR u.[LockoutEnd] < SYSDATETIMEOFFSET())
{{#require_confirmed_account}}
  AND u.[EmailConfirmed] = 1
{{/require_confirmed_account}}
