create table public.pixel_accuracy_hourly (
  workspace_id uuid not null,
  hour timestamp with time zone not null,
  shopify_orders integer not null,
  tracked_orders integer not null,
  ga4_sent integer not null,
  meta_sent integer not null,
  tiktok_sent integer not null,
  ga4_accuracy numeric(7,4),
  meta_accuracy numeric(7,4),
  tiktok_accuracy numeric(7,4),
  refreshed_at timestamp with time zone default now() not null,
  constraint "pixel_accuracy_hourly_pkey" PRIMARY KEY (workspace_id, hour),
  constraint "pixel_accuracy_hourly_ga4_sent_check" CHECK ((ga4_sent >= 0)),
  constraint "pixel_accuracy_hourly_meta_sent_check" CHECK ((meta_sent >= 0)),
  constraint "pixel_accuracy_hourly_shopify_orders_check" CHECK ((shopify_orders >= 0)),
  constraint "pixel_accuracy_hourly_tiktok_sent_check" CHECK ((tiktok_sent >= 0)),
  constraint "pixel_accuracy_hourly_tracked_orders_check" CHECK ((tracked_orders >= 0)),
  constraint "pixel_accuracy_hourly_whole_hour" CHECK ((date_trunc('hour'::text, hour) = hour)),
  constraint "pixel_accuracy_hourly_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.pixel_accuracy_hourly is 'Per workspace and hour (by the orders'' processed_at): Shopify orders, those with a purchase pixel event, and those whose purchase event reached GA4, Meta and TikTok, with accuracy = sent / orders (null without orders). Kept by private.refresh_pixel_accuracy() (pg_cron, hourly, the last 48 hours).';
comment on column public.pixel_accuracy_hourly.tracked_orders is 'Orders of the hour with at least one purchase pixel event, whatever its delivery.';

alter table public.pixel_accuracy_hourly enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.pixel_accuracy_hourly to service_role;
grant select on public.pixel_accuracy_hourly to authenticated;

create policy "viewers read" on public.pixel_accuracy_hourly for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.pixel_accuracy_hourly FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
