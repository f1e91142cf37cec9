create table public.experiment_events (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  experiment_id uuid not null,
  variant_id uuid not null,
  visitor_id text not null,
  event_type public.experiment_event_type not null,
  event_name text,
  value_cents bigint,
  currency character(3),
  order_id uuid,
  occurred_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  constraint "experiment_events_pkey" PRIMARY KEY (workspace_id, id, occurred_at),
  constraint "experiment_events_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "experiment_events_custom_named" CHECK (((event_type = 'custom'::public.experiment_event_type) = (event_name IS NOT NULL))),
  constraint "experiment_events_event_name_format" CHECK ((event_name ~ '^[a-z][a-z0-9_.:-]{0,63}$'::text)),
  constraint "experiment_events_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE SET NULL (order_id),
  constraint "experiment_events_value_not_negative" CHECK ((value_cents >= 0)),
  constraint "experiment_events_workspace_id_experiment_id_visitor_id_fkey" FOREIGN KEY (workspace_id, experiment_id, visitor_id, variant_id) REFERENCES public.experiment_assignments(workspace_id, experiment_id, visitor_id, variant_id) ON DELETE CASCADE,
  constraint "experiment_events_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
) partition by RANGE (occurred_at);
-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)
comment on table public.experiment_events is 'What assigned visitors did: exposures, add-to-carts, purchases (from orders, with order_id) and named custom events, with values in cents. Partitioned by month on occurred_at (private.experiment_events_pYYYYMM), 25 months kept.';
comment on column public.experiment_events.variant_id is 'The visitor''s assigned variant when the event was recorded.';
comment on column public.experiment_events.order_id is 'For purchases: the order (same workspace); cleared if the order is deleted, the event stays.';

alter table public.experiment_events enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_events to service_role;
grant select on public.experiment_events to authenticated;

CREATE INDEX experiment_events_experiment_time_idx ON ONLY public.experiment_events USING btree (experiment_id, occurred_at);
CREATE INDEX experiment_events_order_id_workspace_id_idx ON ONLY public.experiment_events USING btree (order_id, workspace_id);
CREATE INDEX experiment_events_visitor_idx ON ONLY public.experiment_events USING btree (workspace_id, experiment_id, visitor_id, variant_id);

create policy "viewers read" on public.experiment_events for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER experiment_stats_delete AFTER DELETE ON public.experiment_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_insert AFTER INSERT ON public.experiment_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_update AFTER UPDATE ON public.experiment_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.experiment_events FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER mark_experiment_rollup_dirty AFTER INSERT ON public.experiment_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
CREATE TRIGGER mark_experiment_rollup_dirty_delete AFTER DELETE ON public.experiment_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
CREATE TRIGGER mark_experiment_rollup_dirty_update AFTER UPDATE ON public.experiment_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
