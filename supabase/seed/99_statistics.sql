-- Planner statistics for the freshly seeded tables, so the first dashboards plan as they will
-- after autovacuum's first pass.
analyze;
