-- The hazard ledger's rules are configured through the rules engine too: the values the
-- district had set become version 1 of each rule at the top bureau (later changes add versions;
-- the ledger keeps reading hazard_rule_settings, which every change updates in the same write).
-- Files are looked up by the record they are attached to (a drill's photos).
CREATE INDEX files_subject ON files(subject_type, subject_id);

INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, changed_at)
SELECT u.id, 'hazard.deadline', 1,
    'general_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'general_days'), '7') || ','
    || 'major_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'major_days'), '30'),
    '升级时从隐患规则设置转入',
    (SELECT s.updated_by FROM hazard_rule_settings s WHERE s.key IN ('general_days', 'major_days')
      ORDER BY s.updated_at DESC LIMIT 1),
    (SELECT MAX(s.updated_at) FROM hazard_rule_settings s WHERE s.key IN ('general_days', 'major_days'))
FROM org_units u
WHERE u.parent_id IS NULL AND u.kind = 'bureau'
  AND EXISTS (SELECT 1 FROM hazard_rule_settings s WHERE s.key IN ('general_days', 'major_days'))
  AND NOT EXISTS (SELECT 1 FROM rule_parameters p WHERE p.unit_id = u.id AND p.rule_id = 'hazard.deadline');

INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, changed_at)
SELECT u.id, 'hazard.overdue', 1,
    'overdue_bureau_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'overdue_bureau_days'), '7') || ','
    || 'overdue_leader_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'overdue_leader_days'), '3'),
    '升级时从隐患规则设置转入',
    (SELECT s.updated_by FROM hazard_rule_settings s WHERE s.key IN ('overdue_bureau_days', 'overdue_leader_days')
      ORDER BY s.updated_at DESC LIMIT 1),
    (SELECT MAX(s.updated_at) FROM hazard_rule_settings s WHERE s.key IN ('overdue_bureau_days', 'overdue_leader_days'))
FROM org_units u
WHERE u.parent_id IS NULL AND u.kind = 'bureau'
  AND EXISTS (SELECT 1 FROM hazard_rule_settings s WHERE s.key IN ('overdue_bureau_days', 'overdue_leader_days'))
  AND NOT EXISTS (SELECT 1 FROM rule_parameters p WHERE p.unit_id = u.id AND p.rule_id = 'hazard.overdue');

INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, changed_at)
SELECT u.id, 'hazard.missed', 1,
    'missed_window_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'missed_window_days'), '30'),
    '升级时从隐患规则设置转入',
    (SELECT s.updated_by FROM hazard_rule_settings s WHERE s.key IN ('missed_window_days')
      ORDER BY s.updated_at DESC LIMIT 1),
    (SELECT MAX(s.updated_at) FROM hazard_rule_settings s WHERE s.key IN ('missed_window_days'))
FROM org_units u
WHERE u.parent_id IS NULL AND u.kind = 'bureau'
  AND EXISTS (SELECT 1 FROM hazard_rule_settings s WHERE s.key IN ('missed_window_days'))
  AND NOT EXISTS (SELECT 1 FROM rule_parameters p WHERE p.unit_id = u.id AND p.rule_id = 'hazard.missed');

INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, changed_at)
SELECT u.id, 'hazard.repeat', 1,
    'repeat_window_days=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'repeat_window_days'), '180'),
    '升级时从隐患规则设置转入',
    (SELECT s.updated_by FROM hazard_rule_settings s WHERE s.key IN ('repeat_window_days')
      ORDER BY s.updated_at DESC LIMIT 1),
    (SELECT MAX(s.updated_at) FROM hazard_rule_settings s WHERE s.key IN ('repeat_window_days'))
FROM org_units u
WHERE u.parent_id IS NULL AND u.kind = 'bureau'
  AND EXISTS (SELECT 1 FROM hazard_rule_settings s WHERE s.key IN ('repeat_window_days'))
  AND NOT EXISTS (SELECT 1 FROM rule_parameters p WHERE p.unit_id = u.id AND p.rule_id = 'hazard.repeat');

INSERT INTO rule_parameters (unit_id, rule_id, version, params, note, changed_by, changed_at)
SELECT u.id, 'hazard.rework', 1,
    'rework_threshold=' || COALESCE((SELECT s.value FROM hazard_rule_settings s WHERE s.key = 'rework_threshold'), '2'),
    '升级时从隐患规则设置转入',
    (SELECT s.updated_by FROM hazard_rule_settings s WHERE s.key IN ('rework_threshold')
      ORDER BY s.updated_at DESC LIMIT 1),
    (SELECT MAX(s.updated_at) FROM hazard_rule_settings s WHERE s.key IN ('rework_threshold'))
FROM org_units u
WHERE u.parent_id IS NULL AND u.kind = 'bureau'
  AND EXISTS (SELECT 1 FROM hazard_rule_settings s WHERE s.key IN ('rework_threshold'))
  AND NOT EXISTS (SELECT 1 FROM rule_parameters p WHERE p.unit_id = u.id AND p.rule_id = 'hazard.rework');
