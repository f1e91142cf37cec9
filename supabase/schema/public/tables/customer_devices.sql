create table public.customer_devices (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  visitor_id text not null,
  fingerprint text not null,
  device_type public.device_type default 'other'::public.device_type not null,
  browser text,
  os text,
  first_seen_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "customer_devices_pkey" PRIMARY KEY (id),
  constraint "customer_devices_browser_check" CHECK ((char_length(browser) <= 64)),
  constraint "customer_devices_fingerprint_length" CHECK (((char_length(fingerprint) >= 1) AND (char_length(fingerprint) <= 128))),
  constraint "customer_devices_os_check" CHECK ((char_length(os) <= 64)),
  constraint "customer_devices_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "customer_devices_workspace_id_visitor_id_fingerprint_key" UNIQUE (workspace_id, visitor_id, fingerprint),
  constraint "customer_devices_workspace_id_visitor_id_fkey" FOREIGN KEY (workspace_id, visitor_id) REFERENCES public.visitors(workspace_id, visitor_id) ON DELETE CASCADE
);
comment on table public.customer_devices is 'Devices a visitor used (an opaque fingerprint the storefront computes, device type, browser, OS); an identity''s devices are those of its visitors. No IP addresses are kept.';
comment on column public.customer_devices.fingerprint is 'Opaque device id from the storefront (e.g. a hash it computes); never an IP address.';

alter table public.customer_devices enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.customer_devices to service_role;
grant select on public.customer_devices to authenticated;

create policy "viewers read" on public.customer_devices for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.customer_devices FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.customer_devices FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
