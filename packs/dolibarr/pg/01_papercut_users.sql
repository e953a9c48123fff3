CREATE VIEW papercut_users AS
-- Who can log in to Dolibarr (core/login/functions_dolibarr.php, then
-- main.inc.php): a user of this entity or of entity 0 (superadmins, who
-- belong to every entity), enabled (statut = 1), inside the validity dates
-- (User::isNotIntoValidityDateRange: day by day, against the database's
-- current date), and with external_users=no not linked to a third party.
-- An entity-0 user gives way to an enabled user of this entity with the same
-- login, as Dolibarr's login (ORDER BY entity DESC) does.
-- full_name as dolGetFirstLastname() writes it: first name, a space, last name.
SELECT
  u.login AS username,
  {{#name_order=last_first}}NULLIF(concat_ws(' ', NULLIF(u.lastname, ''), NULLIF(u.firstname, '')), ''){{/name_order}}{{^name_order=last_first}}NULLIF(concat_ws(' ', NULLIF(u.firstname, ''), NULLIF(u.lastname, '')), ''){{/name_order}} AS full_name,
  NULLIF(u.email, '') AS email,
  {{#department=job}}NULLIF(u.job, ''){{/department}}{{^department=job}}CAST(NULL AS varchar){{/department}} AS department,
  CAST(NULL AS varchar) AS office,
  {{#card=barcode}}NULLIF(u.barcode, ''){{/card}}{{#card=ref_employee}}NULLIF(u.ref_employee, ''){{/card}}{{#card=none}}CAST(NULL AS varchar){{/card}} AS card_number,
  CAST(NULL AS varchar) AS other_emails,
  CAST(NULL AS varchar) AS card_number2,
  {{#email_alias}}CASE WHEN u.email LIKE '%@%' THEN u.email END{{/email_alias}}{{^email_alias}}CAST(NULL AS varchar){{/email_alias}} AS alias,
  CAST(NULL AS varchar) AS home_directory,
  CAST(NULL AS varchar) AS pin
FROM {{prefix}}user u
WHERE u.entity IN (0, {{entity}})
  AND u.statut = 1
  AND (u.datestartvalidity IS NULL OR u.datestartvalidity < CURRENT_DATE + 1)
  AND (u.dateendvalidity IS NULL OR u.dateendvalidity >= CURRENT_DATE)
{{^external_users}}
  AND COALESCE(u.fk_soc, 0) <= 0
{{/external_users}}
  AND NOT (
    u.entity = 0
    AND EXISTS (
      SELECT 1 FROM {{prefix}}user own
      WHERE own.entity = {{entity}} AND own.rowid <> u.rowid
        AND own.login = u.login AND own.statut = 1
    )
  )
