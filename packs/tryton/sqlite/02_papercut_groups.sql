CREATE VIEW papercut_groups AS
-- Active groups, members or not. Archived groups are left out: an administrator
-- archived them, and PaperCut should not offer them.
{{#language}}-- The name in the chosen language, as Tryton reads a translated field: the
-- latest non-fuzzy, non-empty model translation, else the stored name.
{{/language}}SELECT
  {{#language}}COALESCE((
    SELECT t.value FROM ir_translation t
    WHERE t.type = 'model' AND t.name = 'res.group,name' AND t.res_id = g.id
      AND t.lang = {{language}} AND COALESCE(t.fuzzy, 0) = 0 AND t.value <> ''
    ORDER BY t.id DESC LIMIT 1
  ), g.name){{/language}}{{^language}}g.name{{/language}} AS group_name
FROM res_group g
WHERE g.active = 1
