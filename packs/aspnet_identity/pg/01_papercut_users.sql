CREATE VIEW papercut_users AS
-- Who can sign in (SignInManager): not locked out, and with
-- require_confirmed_account=yes, a confirmed email. UserManager.IsLockedOutAsync:
-- LockoutEnabled and LockoutEnd at or after now. A lockout that ends within
-- lockout_grace_minutes (failed-password lockouts last minutes) keeps the user
-- listed, so that PaperCut does not delete someone who mistyped a password.
-- 04_papercut_credentials.sql refuses their logins until it ends. An admin's
-- lockout (LockoutEnd far ahead, or infinity: Npgsql's DateTimeOffset.MaxValue)
-- drops the user. Users without a password (external logins, passkeys) are listed.
-- The extra columns of a custom ApplicationUser come from the options. The
-- email is as the user typed it (NormalizedEmail is its upper-case copy).
SELECT
  u."UserName" AS username,
{{#full_name}}
  NULLIF(TRIM(CAST(u."{{full_name}}" AS text)), '') AS full_name,
{{/full_name}}
{{^full_name}}
  NULLIF(TRIM(CONCAT({{#first_name}}CAST(u."{{first_name}}" AS text){{/first_name}}{{^first_name}}''{{/first_name}}, ' ', {{#last_name}}CAST(u."{{last_name}}" AS text){{/last_name}}{{^last_name}}''{{/last_name}})), '') AS full_name,
{{/full_name}}
  NULLIF(u."Email", '') AS email,
  {{#department}}NULLIF(CAST(u."{{department}}" AS text), ''){{/department}}{{^department}}CAST(NULL AS text){{/department}} AS department,
  {{#office}}NULLIF(CAST(u."{{office}}" AS text), ''){{/office}}{{^office}}CAST(NULL AS text){{/office}} AS office,
  {{#card_number}}NULLIF(CAST(u."{{card_number}}" AS text), ''){{/card_number}}{{^card_number}}CAST(NULL AS text){{/card_number}} AS card_number,
  CAST(NULL AS text) AS other_emails,
  CAST(NULL AS text) AS card_number2,
  CAST(NULL AS text) AS alias,
  CAST(NULL AS text) AS home_directory,
  CAST(NULL AS text) AS pin
FROM "AspNetUsers" u
WHERE u."UserName" IS NOT NULL
  AND (
    NOT u."LockoutEnabled"
    OR u."LockoutEnd" IS NULL
    OR u."LockoutEnd" <= CURRENT_TIMESTAMP + {{^lockout_grace_minutes}}0{{/lockout_grace_minutes}}{{lockout_grace_minutes}} * INTERVAL '1 minute'
  )
{{#require_confirmed_account}}
  AND u."EmailConfirmed"
{{/require_confirmed_account}}
