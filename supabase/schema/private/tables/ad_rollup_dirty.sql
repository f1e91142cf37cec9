create table private.ad_rollup_dirty (
  workspace_id uuid not null,
  platform public.ad_platform not null,
  day date not null,
  constraint "ad_rollup_dirty_pkey" PRIMARY KEY (workspace_id, platform, day)
);
comment on table private.ad_rollup_dirty is 'Queue of (workspace, platform, day) to recompute in ad_metrics_rollup_daily; filled by statement triggers on ad_metrics_daily.';

alter table private.ad_rollup_dirty enable row level security;

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.ad_rollup_dirty FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
