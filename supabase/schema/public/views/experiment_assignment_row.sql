create view public.experiment_assignment_row with (security_invoker=true) as
 SELECT NULL::text::private.text_not_null AS experiment_key,
    NULL::text AS variant_key,
    NULL::text AS variant_url,
    NULL::jsonb AS variant_config,
    NULL::boolean::private.boolean_not_null AS in_experiment,
    NULL::timestamp with time zone AS assigned_at
  WHERE false;
comment on view public.experiment_assignment_row is 'What assign_experiment answers: the variant to show, whether the visitor is in the experiment (false: not targeted, outside the traffic share, or the experiment is not running; then the control, or a completed experiment''s winner, is shown) and when it was assigned. experiment_key and in_experiment are never null. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.experiment_assignment_row to service_role;
grant select on public.experiment_assignment_row to authenticated;
