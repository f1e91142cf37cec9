create table public.attribution_credits (
  workspace_id uuid not null,
  conversion_id uuid not null,
  model public.attribution_model not null,
  position integer not null,
  touchpoint_id bigint,
  touched_at timestamp with time zone,
  channel public.marketing_channel not null,
  source text,
  medium text,
  campaign text,
  utm_id text,
  weight numeric(13,12) not null,
  credit_cents bigint not null,
  converted_at timestamp with time zone not null,
  created_at timestamp with time zone default now() not null,
  constraint "attribution_credits_pkey" PRIMARY KEY (conversion_id, model, "position"),
  constraint "attribution_credits_conversion_id_fkey" FOREIGN KEY (conversion_id, workspace_id) REFERENCES public.conversions(id, workspace_id) ON DELETE CASCADE,
  constraint "attribution_credits_credit_cents_check" CHECK ((credit_cents >= 0)),
  constraint "attribution_credits_position_check" CHECK (("position" >= 0)),
  constraint "attribution_credits_weight_check" CHECK (((weight > (0)::numeric) AND (weight <= (1)::numeric))),
  constraint "attribution_credits_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.attribution_credits is 'A conversion''s revenue split over its touchpoints, per model; for every conversion and model the credits sum to its revenue_cents. Written by private.credit_conversions() (pg_cron); a changed conversion loses its credits until the next round.';
comment on column public.attribution_credits.position is 'Index of the touch in the journey (0 = first); 0 for a conversion credited to its own order''s channel.';
comment on column public.attribution_credits.touchpoint_id is 'touchpoints.id of the credited touch (no foreign key: touchpoints are partitioned and expire); null when the order''s own channel is credited.';
comment on column public.attribution_credits.weight is 'Share of the revenue the model gives this touch (the weights of a conversion and model sum to 1).';
comment on column public.attribution_credits.converted_at is 'The conversion''s time, copied for date-range reports.';

alter table public.attribution_credits enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.attribution_credits to service_role;
grant select on public.attribution_credits to authenticated;

CREATE INDEX attribution_credits_conversion_id_workspace_id_idx ON public.attribution_credits USING btree (conversion_id, workspace_id);
CREATE INDEX attribution_credits_report_idx ON public.attribution_credits USING btree (workspace_id, model, converted_at);

create policy "viewers read" on public.attribution_credits for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.attribution_credits FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
