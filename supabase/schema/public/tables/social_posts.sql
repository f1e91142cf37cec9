create table public.social_posts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  platform public.social_platform not null,
  external_post_id text,
  url text,
  caption text,
  media_urls text[] default '{}'::text[] not null,
  status public.social_post_status default 'draft'::public.social_post_status not null,
  scheduled_at timestamp with time zone,
  published_at timestamp with time zone,
  campaign_id uuid,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  social_account_id uuid,
  media_type text,
  last_synced_at timestamp with time zone,
  constraint "social_posts_pkey" PRIMARY KEY (id),
  constraint "a scheduled post has a time" CHECK (((status <> 'scheduled'::public.social_post_status) OR (scheduled_at IS NOT NULL))),
  constraint "social_posts_campaign_id_fkey" FOREIGN KEY (campaign_id, workspace_id) REFERENCES public.campaigns(id, workspace_id) ON DELETE SET NULL (campaign_id),
  constraint "social_posts_caption_check" CHECK ((char_length(caption) <= 10000)),
  constraint "social_posts_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "social_posts_external_post_id_check" CHECK (((char_length(external_post_id) >= 1) AND (char_length(external_post_id) <= 200))),
  constraint "social_posts_media_type_check" CHECK ((char_length(media_type) <= 40)),
  constraint "social_posts_social_account_fkey" FOREIGN KEY (workspace_id, social_account_id) REFERENCES public.social_accounts(workspace_id, id) ON DELETE SET NULL (social_account_id),
  constraint "social_posts_url_check" CHECK ((char_length(url) <= 2000)),
  constraint "social_posts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "social_posts_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "social_posts_workspace_id_platform_external_post_id_key" UNIQUE (workspace_id, platform, external_post_id)
);
comment on table public.social_posts is 'Posts on social networks. Members draft and schedule; the analytics sync records each published post (a scheduled one takes its network id when it goes out) and its insights.';
comment on column public.social_posts.external_post_id is 'The network''s post id once published.';
comment on column public.social_posts.campaign_id is 'The marketing campaign (public.campaigns) of the same workspace the post belongs to.';
comment on column public.social_posts.social_account_id is 'The network account that published it, once the analytics sync has seen it.';
comment on column public.social_posts.media_type is 'The network''s kind of post (Instagram IMAGE, VIDEO, CAROUSEL_ALBUM, REELS ...; TikTok VIDEO).';
comment on column public.social_posts.last_synced_at is 'When the analytics sync last read the post from its network.';

alter table public.social_posts enable row level security;
grant insert, select, update, delete on public.social_posts to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.social_posts to service_role;

CREATE INDEX social_posts_campaign_id_workspace_id_idx ON public.social_posts USING btree (campaign_id, workspace_id);
CREATE INDEX social_posts_created_by_idx ON public.social_posts USING btree (created_by);
CREATE INDEX social_posts_social_account_idx ON public.social_posts USING btree (workspace_id, social_account_id);
CREATE INDEX social_posts_waiting_idx ON public.social_posts USING btree (workspace_id, platform, scheduled_at) WHERE ((status = 'scheduled'::public.social_post_status) AND (external_post_id IS NULL));
CREATE INDEX social_posts_workspace_idx ON public.social_posts USING btree (workspace_id, status, published_at DESC);

create policy "members add" on public.social_posts for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.social_posts for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.social_posts for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.social_posts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.social_posts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.social_posts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER social_post_published AFTER INSERT OR UPDATE OF status ON public.social_posts FOR EACH ROW WHEN ((new.status = 'published'::public.social_post_status)) EXECUTE FUNCTION private.social_post_published();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.social_posts FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
CREATE TRIGGER stamp_social_publication BEFORE INSERT ON public.social_posts FOR EACH ROW EXECUTE FUNCTION private.stamp_social_publication();
CREATE TRIGGER stamp_social_publication_update BEFORE UPDATE ON public.social_posts FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.stamp_social_publication();
