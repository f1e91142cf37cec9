create table public.attribution_settings (
  workspace_id uuid not null,
  lookback_days integer default 30 not null,
  time_decay_half_life_days numeric(6,2) default 7 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "attribution_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "attribution_settings_half_life_range" CHECK (((time_decay_half_life_days > (0)::numeric) AND (time_decay_half_life_days <= (365)::numeric))),
  constraint "attribution_settings_lookback_days_range" CHECK (((lookback_days >= 1) AND (lookback_days <= 365))),
  constraint "attribution_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.attribution_settings is 'Per-workspace attribution settings; without a row the defaults apply (30-day lookback, 7-day half-life). Changes apply to conversions credited afterwards (private.rebuild_attribution_credits() recredits).';
comment on column public.attribution_settings.lookback_days is 'Touchpoints up to this many days before a conversion are in its journey.';
comment on column public.attribution_settings.time_decay_half_life_days is 'Time-decay model: a touch this many days before the conversion weighs half as much as one at the conversion.';

alter table public.attribution_settings enable row level security;
grant insert, select, update, delete on public.attribution_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.attribution_settings to service_role;

create policy "admins add" on public.attribution_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.attribution_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.attribution_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.attribution_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.attribution_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.attribution_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
