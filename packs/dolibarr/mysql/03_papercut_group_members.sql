CREATE VIEW papercut_group_members AS
-- Memberships that count in this entity (llx_usergroup_user.entity 0 or this
-- entity, as User::loadRights reads them), of the users papercut_users lists
-- (the same conditions, so that a shadowed entity-0 user's memberships never
-- land on the entity's user of that login).
{{#parent_groups}}
-- Dolibarr 24's parent groups: a group inherits its parent's rights, so its
-- members count as members of the parent and of every group above it. UNION
-- (not UNION ALL) stops on a loop of parents.
WITH RECURSIVE group_tree (ancestor_id, group_id) AS (
  SELECT g.rowid, g.rowid
  FROM {{prefix}}usergroup g
  WHERE g.entity IN (0, {{entity}})
  UNION
  SELECT t.ancestor_id, child.rowid
  FROM group_tree t
  JOIN {{prefix}}usergroup child ON child.fk_parent = t.group_id
  WHERE child.entity IN (0, {{entity}})
)
{{/parent_groups}}
SELECT g.nom AS group_name, u.login AS username
FROM {{prefix}}usergroup g
{{#parent_groups}}
JOIN group_tree t ON t.ancestor_id = g.rowid
JOIN {{prefix}}usergroup_user ugu ON ugu.fk_usergroup = t.group_id
{{/parent_groups}}
{{^parent_groups}}
JOIN {{prefix}}usergroup_user ugu ON ugu.fk_usergroup = g.rowid
{{/parent_groups}}
JOIN {{prefix}}user u ON u.rowid = ugu.fk_user
WHERE g.entity IN (0, {{entity}})
  AND NOT (
    g.entity = 0
    AND EXISTS (
      SELECT 1 FROM {{prefix}}usergroup own
      WHERE own.entity = {{entity}} AND own.rowid <> g.rowid AND own.nom = g.nom
    )
  )
  AND ugu.entity IN (0, {{entity}})
  AND u.entity IN (0, {{entity}})
  AND u.statut = 1
  AND (u.datestartvalidity IS NULL OR u.datestartvalidity < CURRENT_DATE + INTERVAL 1 DAY)
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
