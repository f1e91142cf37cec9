create table public.review_media (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  review_id uuid not null,
  status public.review_media_status default 'waiting'::public.review_media_status not null,
  mux_upload_id text,
  mux_asset_id text,
  mux_playback_id text,
  duration_seconds numeric(10,3),
  aspect_ratio text,
  position smallint default 0 not null,
  error text,
  ready_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  source_url text,
  constraint "review_media_pkey" PRIMARY KEY (id),
  constraint "review_media_aspect_ratio_check" CHECK ((aspect_ratio ~ '^\d{1,5}:\d{1,5}$'::text)),
  constraint "review_media_duration_seconds_check" CHECK ((duration_seconds >= (0)::numeric)),
  constraint "review_media_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "review_media_mux_asset_id_check" CHECK (((char_length(mux_asset_id) >= 1) AND (char_length(mux_asset_id) <= 128))),
  constraint "review_media_mux_asset_id_key" UNIQUE (mux_asset_id),
  constraint "review_media_mux_playback_id_check" CHECK (((char_length(mux_playback_id) >= 1) AND (char_length(mux_playback_id) <= 128))),
  constraint "review_media_mux_reference" CHECK (((mux_upload_id IS NOT NULL) OR (mux_asset_id IS NOT NULL) OR (source_url IS NOT NULL))),
  constraint "review_media_mux_upload_id_check" CHECK (((char_length(mux_upload_id) >= 1) AND (char_length(mux_upload_id) <= 128))),
  constraint "review_media_mux_upload_id_key" UNIQUE (mux_upload_id),
  constraint "review_media_position_check" CHECK ((("position" >= 0) AND ("position" <= 20))),
  constraint "review_media_source_url_check" CHECK (((source_url ~ '^https://'::text) AND (char_length(source_url) <= 2000))),
  constraint "review_media_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "review_media_workspace_id_review_id_fkey" FOREIGN KEY (review_id, workspace_id) REFERENCES public.reviews(id, workspace_id) ON DELETE CASCADE
);
comment on table public.review_media is 'Videos attached to reviews, hosted by Mux. A row names its Mux direct upload or asset; Mux webhooks (stored by the webhooks function in private.webhook_events) fill in the asset, playback id and duration and mark it ready. The storefront shows ready media of published reviews.';
comment on column public.review_media.mux_upload_id is 'Mux direct upload id, when the video was uploaded through one (linked to its asset by video.upload.asset_created).';
comment on column public.review_media.mux_asset_id is 'Mux asset id; Mux events about it update this row.';
comment on column public.review_media.mux_playback_id is 'Mux playback id (the public one when the asset has several), set when the asset is ready.';
comment on column public.review_media.duration_seconds is 'Video length reported by Mux.';
comment on column public.review_media.position is 'Display order among the review''s media.';
comment on column public.review_media.source_url is 'An image hosted by the review platform it was imported from (Yotpo''s original_url); such media has no Mux ids and is ready at once.';

alter table public.review_media enable row level security;
grant insert, select, update, delete on public.review_media to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.review_media to service_role;

CREATE INDEX review_media_review_idx ON public.review_media USING btree (review_id, workspace_id);
CREATE UNIQUE INDEX review_media_source_url_key ON public.review_media USING btree (workspace_id, review_id, source_url) WHERE (source_url IS NOT NULL);
CREATE INDEX review_media_workspace_idx ON public.review_media USING btree (workspace_id, created_at DESC);

create policy "members add" on public.review_media for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.review_media for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.review_media for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.review_media for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.review_media FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.review_media FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
