create table public.conversion_destinations (
  workspace_id uuid not null,
  destination public.conversion_destination not null,
  connection_id uuid not null,
  pixel_id text not null,
  enabled boolean default true not null,
  require_consent boolean default true not null,
  test_event_code text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "conversion_destinations_pkey" PRIMARY KEY (workspace_id, destination),
  constraint "conversion_destinations_pixel_id_format" CHECK ((((destination = 'meta'::public.conversion_destination) AND (pixel_id ~ '^\d{5,20}$'::text)) OR ((destination = 'ga4'::public.conversion_destination) AND (pixel_id ~ '^G-[A-Z0-9]{4,16}$'::text)) OR ((destination = 'tiktok'::public.conversion_destination) AND (pixel_id ~ '^[A-Z0-9]{10,30}$'::text)))),
  constraint "conversion_destinations_test_event_code_check" CHECK (((char_length(test_event_code) >= 1) AND (char_length(test_event_code) <= 64))),
  constraint "conversion_destinations_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "conversion_destinations_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.conversion_destinations is 'Per workspace and platform: where its conversions are sent server-side and with which connection''s credential. Admins manage them.';
comment on column public.conversion_destinations.connection_id is 'The credential that sends: the workspace''s meta, tiktok or ga4 connection (for GA4 the API secret, stored encrypted).';
comment on column public.conversion_destinations.pixel_id is 'Meta: the pixel (dataset) id; GA4: the measurement id (G-...); TikTok: the pixel code.';
comment on column public.conversion_destinations.require_consent is 'When true (the default), an event is sent only with the visitor''s marketing consent; others are skipped.';
comment on column public.conversion_destinations.test_event_code is 'Meta''s or TikTok''s test event code: events show in the platform''s test tool and are not counted.';

alter table public.conversion_destinations enable row level security;
grant insert, select, delete on public.conversion_destinations to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.conversion_destinations to service_role;
grant update (connection_id) on public.conversion_destinations to authenticated;
grant update (pixel_id) on public.conversion_destinations to authenticated;
grant update (enabled) on public.conversion_destinations to authenticated;
grant update (require_consent) on public.conversion_destinations to authenticated;
grant update (test_event_code) on public.conversion_destinations to authenticated;

CREATE INDEX conversion_destinations_connection_idx ON public.conversion_destinations USING btree (workspace_id, connection_id);

create policy "admins add" on public.conversion_destinations for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.conversion_destinations for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins read" on public.conversion_destinations for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.conversion_destinations for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_conversion_destination BEFORE INSERT OR UPDATE OF destination, connection_id ON public.conversion_destinations FOR EACH ROW EXECUTE FUNCTION private.check_conversion_destination();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.conversion_destinations FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.conversion_destinations FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
