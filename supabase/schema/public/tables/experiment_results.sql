create table public.experiment_results (
  workspace_id uuid not null,
  experiment_id uuid not null,
  variant_id uuid not null,
  variant_key text not null,
  is_control boolean not null,
  metric public.experiment_metric not null,
  visitors bigint not null,
  conversions bigint not null,
  conversion_rate double precision,
  orders bigint not null,
  revenue_cents bigint not null,
  revenue_per_visitor double precision,
  average_order_value double precision,
  metric_value double precision,
  uplift double precision,
  uplift_lower double precision,
  uplift_upper double precision,
  p_value double precision,
  sequential_lower double precision,
  sequential_upper double precision,
  sequential_p_value double precision,
  p_value_adjusted double precision,
  significant boolean default false not null,
  cuped_variance_reduction double precision,
  srm_p_value double precision,
  srm_detected boolean default false not null,
  computed_at timestamp with time zone default now() not null,
  uplift_scale text,
  constraint "experiment_results_pkey" PRIMARY KEY (experiment_id, variant_id),
  constraint "experiment_results_experiment_id_variant_id_fkey" FOREIGN KEY (experiment_id, variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE CASCADE,
  constraint "experiment_results_uplift_scale" CHECK ((uplift_scale = ANY (ARRAY['relative'::text, 'absolute'::text]))),
  constraint "experiment_results_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_results_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.experiment_results is 'Each variant of an experiment against its control on the primary metric: the latest snapshot stored by pg_cron and at completion. public.get_experiment_results() computes the same columns live. Statistics are double precision.';
comment on column public.experiment_results.conversions is 'Visitors with at least one goal event.';
comment on column public.experiment_results.revenue_per_visitor is 'Purchase revenue per assigned visitor, in cents (unadjusted).';
comment on column public.experiment_results.average_order_value is 'Purchase revenue per order, in cents.';
comment on column public.experiment_results.metric_value is 'The primary metric''s value for this variant (revenue per visitor CUPED-adjusted when CUPED is on).';
comment on column public.experiment_results.uplift is 'Difference to the control on the primary metric: relative (0.05 = +5%) or, when the control is 0, absolute (see uplift_scale); null for the control.';
comment on column public.experiment_results.uplift_lower is 'Lower end of the fixed-horizon interval of the uplift at the experiment''s confidence level (delta method).';
comment on column public.experiment_results.p_value is 'Fixed-horizon two-sided p-value of the primary metric against the control: conversion rate by the Wald z-test of the reported uplift (the same test as the interval), revenue per visitor by Welch''s t-test, average order value by the delta-method test of the ratio.';
comment on column public.experiment_results.sequential_lower is 'Always-valid confidence sequence of the uplift (Waudby-Smith et al., as GrowthBook): safe to watch daily.';
comment on column public.experiment_results.p_value_adjusted is 'Holm-adjusted decision p-value across the experiment''s variants: of the sequential p-value when the experiment uses sequential testing, else of p_value.';
comment on column public.experiment_results.significant is 'p_value_adjusted < 1 - confidence_level.';
comment on column public.experiment_results.cuped_variance_reduction is 'Revenue per visitor with CUPED: the share of the variance of the difference removed by the pre-exposure covariate.';
comment on column public.experiment_results.srm_p_value is 'Sample-ratio mismatch: Pearson chi-square p-value of visitors per variant against the weights (same on every row of an experiment).';
comment on column public.experiment_results.srm_detected is 'srm_p_value < 0.001: the split is broken and the results should not be trusted.';
comment on column public.experiment_results.uplift_scale is 'What uplift, its intervals and the sequential p-value measure: relative (b / a - 1, the default) or absolute (b - a, in the metric''s unit, when the control''s value is 0 and the relative uplift is undefined). Null for the control and when nothing was compared.';

alter table public.experiment_results enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_results to service_role;
grant select on public.experiment_results to authenticated;
alter publication supabase_realtime add table public.experiment_results;

CREATE INDEX experiment_results_experiment_idx ON public.experiment_results USING btree (workspace_id, experiment_id);

create policy "viewers read" on public.experiment_results for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.experiment_results FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
