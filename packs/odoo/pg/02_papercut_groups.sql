CREATE VIEW papercut_groups AS
-- Every group, named as Odoo shows it: 'Category / Group' (on 19.0
-- 'Privilege / Group'), or the name alone, in the lang option's language,
-- falling back to en_US.
SELECT
  CASE WHEN c.id IS NULL
    THEN COALESCE(g.name ->> {{lang}}, g.name ->> 'en_US')
    ELSE COALESCE(c.name ->> {{lang}}, c.name ->> 'en_US') || ' / ' || COALESCE(g.name ->> {{lang}}, g.name ->> 'en_US')
  END AS group_name
FROM res_groups g
{{#privileges}}LEFT JOIN res_groups_privilege c ON c.id = g.privilege_id
{{/privileges}}{{^privileges}}LEFT JOIN ir_module_category c ON c.id = g.category_id
{{/privileges}}
