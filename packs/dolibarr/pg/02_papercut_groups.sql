CREATE VIEW papercut_groups AS
-- The user groups of this entity and of entity 0 (UserGroup::listGroupsForUser
-- reads both), empty ones too. A group of entity 0 gives way to one of this
-- entity with the same name.
SELECT g.nom AS group_name
FROM {{prefix}}usergroup g
WHERE g.entity IN (0, {{entity}})
  AND NOT (
    g.entity = 0
    AND EXISTS (
      SELECT 1 FROM {{prefix}}usergroup own
      WHERE own.entity = {{entity}} AND own.rowid <> g.rowid AND own.nom = g.nom
    )
  )
