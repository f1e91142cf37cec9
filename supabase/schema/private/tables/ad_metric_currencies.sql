create table private.ad_metric_currencies (
  workspace_id uuid not null,
  currency character(3) not null,
  constraint "ad_metric_currencies_pkey" PRIMARY KEY (workspace_id, currency),
  constraint "ad_metric_currencies_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.ad_metric_currencies is 'Every currency a workspace''s ad_metrics_daily rows were written in (never shrinks); a workspace with one needs no closer look before its dashboards add up.';

alter table private.ad_metric_currencies enable row level security;

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.ad_metric_currencies FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
