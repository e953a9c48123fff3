CREATE VIEW papercut_users AS
-- Who can sign in (SignInManager): not locked out, and with
-- require_confirmed_account=yes, a confirmed email. UserManager.IsLockedOutAsync:
-- LockoutEnabled and LockoutEnd at or after now. A lockout that ends within
-- lockout_grace_minutes (failed-password lockouts last minutes) keeps the user
-- listed, so that PaperCut does not delete someone who mistyped a password.
-- 04_papercut_credentials.sql refuses their logins until it ends. An admin's
-- lockout (LockoutEnd far ahead, up to DateTimeOffset.MaxValue) drops the user.
-- Users without a password (external logins, passkeys) are listed.
-- The extra columns of a custom ApplicationUser come from the options. The
-- email is as the user typed it (NormalizedEmail is its upper-case copy).
SELECT
  u.[UserName] AS username,
{{#full_name}}
  NULLIF(LTRIM(RTRIM(CAST(u.[{{full_name}}] AS nvarchar(max)))), N'') AS full_name,
{{/full_name}}
{{^full_name}}
  NULLIF(LTRIM(RTRIM(CONCAT({{#first_name}}CAST(u.[{{first_name}}] AS nvarchar(max)){{/first_name}}{{^first_name}}N''{{/first_name}}, N' ', {{#last_name}}CAST(u.[{{last_name}}] AS nvarchar(max)){{/last_name}}{{^last_name}}N''{{/last_name}}))), N'') AS full_name,
{{/full_name}}
  NULLIF(u.[Email], N'') AS email,
  {{#department}}NULLIF(CAST(u.[{{department}}] AS nvarchar(max)), N''){{/department}}{{^department}}CAST(NULL AS nvarchar(max)){{/department}} AS department,
  {{#office}}NULLIF(CAST(u.[{{office}}] AS nvarchar(max)), N''){{/office}}{{^office}}CAST(NULL AS nvarchar(max)){{/office}} AS office,
  {{#card_number}}NULLIF(CAST(u.[{{card_number}}] AS nvarchar(max)), N''){{/card_number}}{{^card_number}}CAST(NULL AS nvarchar(max)){{/card_number}} AS card_number,
  CAST(NULL AS nvarchar(max)) AS other_emails,
  CAST(NULL AS nvarchar(max)) AS card_number2,
  CAST(NULL AS nvarchar(max)) AS alias,
  CAST(NULL AS nvarchar(max)) AS home_directory,
  CAST(NULL AS nvarchar(max)) AS pin
FROM [AspNetUsers] u
WHERE u.[UserName] IS NOT NULL
  AND (
    u.[LockoutEnabled] = 0
    OR u.[LockoutEnd] IS NULL
    OR u.[LockoutEnd] <= DATEADD(minute, {{^lockout_grace_minutes}}0{{/lockout_grace_minutes}}{{lockout_grace_minutes}}, SYSDATETIMEOFFSET())
  )
{{#require_confirmed_account}}
  AND u.[EmailConfirmed] = 1
{{/require_confirmed_account}}
