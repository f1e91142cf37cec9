create table public.experiments (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  key text not null,
  name text not null,
  hypothesis text,
  status public.experiment_status default 'draft'::public.experiment_status not null,
  goal_event text default 'purchase'::text not null,
  primary_metric public.experiment_metric default 'conversion_rate'::public.experiment_metric not null,
  traffic_percentage numeric(5,2) default 100 not null,
  targeting_rules jsonb default '[]'::jsonb not null,
  confidence_level numeric(4,3) default 0.95 not null,
  sequential_testing boolean default true not null,
  sequential_tuning integer default 5000 not null,
  cuped_enabled boolean default true not null,
  cuped_lookback_days integer default 30 not null,
  winner_variant_id uuid,
  started_at timestamp with time zone,
  ended_at timestamp with time zone,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "experiments_pkey" PRIMARY KEY (id),
  constraint "experiments_confidence_level_range" CHECK (((confidence_level >= 0.8) AND (confidence_level <= 0.999))),
  constraint "experiments_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "experiments_cuped_lookback_range" CHECK (((cuped_lookback_days >= 1) AND (cuped_lookback_days <= 365))),
  constraint "experiments_goal_event_format" CHECK ((goal_event ~ '^[a-z][a-z0-9_.:-]{0,63}$'::text)),
  constraint "experiments_hypothesis_length" CHECK ((char_length(hypothesis) <= 4000)),
  constraint "experiments_key_format" CHECK ((key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'::text)),
  constraint "experiments_name_length" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "experiments_sequential_tuning_range" CHECK (((sequential_tuning >= 100) AND (sequential_tuning <= 100000000))),
  constraint "experiments_traffic_percentage_range" CHECK (((traffic_percentage > (0)::numeric) AND (traffic_percentage <= (100)::numeric))),
  constraint "experiments_winner_is_a_variant" FOREIGN KEY (id, winner_variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE SET NULL (winner_variant_id),
  constraint "experiments_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "experiments_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "experiments_workspace_id_key_key" UNIQUE (workspace_id, key)
);
comment on table public.experiments is 'A/B tests. Status moves draft -> running <-> paused -> completed -> archived (private.guard_experiment); starting needs at least two variants, exactly one control and weights summing to 100. Members manage them; the storefront assigns through public.assign_experiment.';
comment on column public.experiments.key is 'Stable identifier the storefront uses (unique per workspace); it seeds the bucketing hash, so it cannot change once the experiment has left draft.';
comment on column public.experiments.goal_event is 'The event that counts as a conversion: purchase, add_to_cart, exposure, or the name of a custom event.';
comment on column public.experiments.primary_metric is 'The metric the winner is decided on.';
comment on column public.experiments.traffic_percentage is 'Share of (targeted) visitors that enter the experiment; the rest see the control without being assigned.';
comment on column public.experiments.targeting_rules is 'Conditions on the storefront''s context object, all of which must hold for a visitor to enter, e.g. [{"field":"country","op":"in","value":["US"]}].';
comment on column public.experiments.confidence_level is 'E.g. 0.95: intervals are at this level and results are significant when p < 1 - confidence_level (after Holm''s correction).';
comment on column public.experiments.sequential_testing is 'Decide on always-valid confidence sequences (safe to watch daily) rather than fixed-horizon p-values.';
comment on column public.experiments.sequential_tuning is 'Total sample size at which the confidence sequence is tightest (GrowthBook''s tuning parameter, default 5000).';
comment on column public.experiments.cuped_enabled is 'Revenue metrics use CUPED with each visitor''s pre-exposure order revenue as covariate.';
comment on column public.experiments.cuped_lookback_days is 'How many days of orders before a visitor''s assignment form the CUPED covariate.';
comment on column public.experiments.winner_variant_id is 'Set when the experiment completes, and only when the result is significant. Not writable by clients.';

alter table public.experiments enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiments to service_role;
grant select, delete on public.experiments to authenticated;
grant insert (id) on public.experiments to authenticated;
grant insert (workspace_id) on public.experiments to authenticated;
grant insert, update (key) on public.experiments to authenticated;
grant insert, update (name) on public.experiments to authenticated;
grant insert, update (hypothesis) on public.experiments to authenticated;
grant update (status) on public.experiments to authenticated;
grant insert, update (goal_event) on public.experiments to authenticated;
grant insert, update (primary_metric) on public.experiments to authenticated;
grant insert, update (traffic_percentage) on public.experiments to authenticated;
grant insert, update (targeting_rules) on public.experiments to authenticated;
grant insert, update (confidence_level) on public.experiments to authenticated;
grant insert, update (sequential_testing) on public.experiments to authenticated;
grant insert, update (sequential_tuning) on public.experiments to authenticated;
grant insert, update (cuped_enabled) on public.experiments to authenticated;
grant insert, update (cuped_lookback_days) on public.experiments to authenticated;
alter publication supabase_realtime add table public.experiments;

CREATE INDEX experiments_created_by_idx ON public.experiments USING btree (created_by);
CREATE INDEX experiments_winner_idx ON public.experiments USING btree (id, winner_variant_id) WHERE (winner_variant_id IS NOT NULL);
CREATE INDEX experiments_workspace_status_idx ON public.experiments USING btree (workspace_id, status);

create policy "members add" on public.experiments for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.experiments for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.experiments for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.experiments for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER experiment_stats_settings AFTER UPDATE OF goal_event, cuped_enabled, cuped_lookback_days ON public.experiments FOR EACH ROW WHEN (((old.goal_event IS DISTINCT FROM new.goal_event) OR (old.cuped_enabled IS DISTINCT FROM new.cuped_enabled) OR (old.cuped_lookback_days IS DISTINCT FROM new.cuped_lookback_days))) EXECUTE FUNCTION private.experiment_settings_changed();
CREATE TRIGGER guard_experiment BEFORE INSERT OR DELETE ON public.experiments FOR EACH ROW EXECUTE FUNCTION private.guard_experiment();
CREATE TRIGGER guard_experiment_update BEFORE UPDATE ON public.experiments FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.guard_experiment();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.experiments FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER mark_experiment_rollup_dirty AFTER UPDATE ON public.experiments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
CREATE TRIGGER record_winner BEFORE UPDATE OF status ON public.experiments FOR EACH ROW WHEN (((new.status = 'completed'::public.experiment_status) AND (old.status IS DISTINCT FROM 'completed'::public.experiment_status))) EXECUTE FUNCTION private.record_experiment_winner();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.experiments FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
