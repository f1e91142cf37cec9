create table public.reviews (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  shopify_product_id text not null,
  order_id uuid,
  review_request_id uuid,
  author_name text not null,
  author_email text,
  rating smallint not null,
  title text,
  body text default ''::text not null,
  status public.review_status default 'pending'::public.review_status not null,
  verified_purchase boolean default false not null,
  imported_from text,
  original_id text,
  helpful_count integer default 0 not null,
  unhelpful_count integer default 0 not null,
  submitted_at timestamp with time zone default now() not null,
  published_at timestamp with time zone,
  moderated_at timestamp with time zone,
  moderated_by uuid,
  moderation_note text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "reviews_pkey" PRIMARY KEY (id),
  constraint "reviews_author_email_format" CHECK (((author_email = lower(author_email)) AND (char_length(author_email) <= 254) AND (author_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
  constraint "reviews_author_name_length" CHECK (((char_length(btrim(author_name)) >= 1) AND (char_length(btrim(author_name)) <= 100))),
  constraint "reviews_body_length" CHECK ((char_length(body) <= 5000)),
  constraint "reviews_helpful_count_check" CHECK ((helpful_count >= 0)),
  constraint "reviews_import_key" CHECK (((imported_from IS NULL) = (original_id IS NULL))),
  constraint "reviews_imported_from_check" CHECK ((imported_from ~ '^[a-z0-9_-]{1,32}$'::text)),
  constraint "reviews_moderated_by_fkey" FOREIGN KEY (moderated_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "reviews_moderation_note_length" CHECK ((char_length(moderation_note) <= 2000)),
  constraint "reviews_original_id_check" CHECK (((char_length(original_id) >= 1) AND (char_length(original_id) <= 128))),
  constraint "reviews_rating_range" CHECK (((rating >= 1) AND (rating <= 5))),
  constraint "reviews_request_means_verified" CHECK (((review_request_id IS NULL) OR verified_purchase)),
  constraint "reviews_review_request_id_workspace_id_shopify_product_id_key" UNIQUE (review_request_id, workspace_id, shopify_product_id),
  constraint "reviews_shopify_product_id_check" CHECK (((char_length(shopify_product_id) >= 1) AND (char_length(shopify_product_id) <= 64))),
  constraint "reviews_title_length" CHECK ((char_length(title) <= 150)),
  constraint "reviews_unhelpful_count_check" CHECK ((unhelpful_count >= 0)),
  constraint "reviews_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "reviews_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "reviews_workspace_id_imported_from_original_id_key" UNIQUE (workspace_id, imported_from, original_id),
  constraint "reviews_workspace_id_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE SET NULL (order_id),
  constraint "reviews_workspace_id_review_request_id_fkey" FOREIGN KEY (review_request_id, workspace_id) REFERENCES public.review_requests(id, workspace_id) ON DELETE SET NULL (review_request_id)
);
comment on table public.reviews is 'Product reviews. Anonymous storefront submissions (public.submit_review) and imports (public.import_reviews) start pending unless verified and auto-published, or imported as published. Members moderate (status, moderation_note); everything else is written by SQL functions. anon never reads this table: the storefront RPCs return published reviews without emails.';
comment on column public.reviews.shopify_product_id is 'The Shopify product (not variant) reviewed; reviews and the rating summary are per product.';
comment on column public.reviews.order_id is 'The order the verification token belonged to (verified purchases only).';
comment on column public.reviews.review_request_id is 'The review request whose token verified this review; at most one review per product per request.';
comment on column public.reviews.author_email is 'The reviewer''s address, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.reviews.verified_purchase is 'True only when a valid, unused review request token for an order containing this product came with the review (or the import source said so).';
comment on column public.reviews.imported_from is 'Source system of an imported review (yotpo, judgeme, ...); with original_id the import''s idempotency key.';
comment on column public.reviews.helpful_count is 'Helpful votes in review_votes, kept by trigger.';
comment on column public.reviews.unhelpful_count is 'Unhelpful votes in review_votes, kept by trigger.';
comment on column public.reviews.submitted_at is 'When the customer wrote it (the source''s date for imports); the storefront''s "newest" order.';
comment on column public.reviews.published_at is 'When it was first published.';
comment on column public.reviews.moderated_by is 'The member who last changed the status (null for service_role and imports).';

alter table public.reviews enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.reviews to service_role;
grant select, delete on public.reviews to authenticated;
grant update (status) on public.reviews to authenticated;
grant update (moderation_note) on public.reviews to authenticated;
alter publication supabase_realtime add table public.reviews;

CREATE INDEX reviews_moderated_by_idx ON public.reviews USING btree (moderated_by);
CREATE INDEX reviews_moderation_queue_idx ON public.reviews USING btree (workspace_id, status, submitted_at DESC);
CREATE INDEX reviews_order_idx ON public.reviews USING btree (order_id, workspace_id);
CREATE INDEX reviews_published_helpful_idx ON public.reviews USING btree (workspace_id, shopify_product_id, helpful_count DESC, submitted_at DESC, id DESC) WHERE (status = 'published'::public.review_status);
CREATE INDEX reviews_published_highest_idx ON public.reviews USING btree (workspace_id, shopify_product_id, rating DESC, submitted_at DESC, id DESC) WHERE (status = 'published'::public.review_status);
CREATE INDEX reviews_published_lowest_idx ON public.reviews USING btree (workspace_id, shopify_product_id, rating, submitted_at DESC, id DESC) WHERE (status = 'published'::public.review_status);
CREATE INDEX reviews_published_newest_idx ON public.reviews USING btree (workspace_id, shopify_product_id, submitted_at DESC, id DESC) WHERE (status = 'published'::public.review_status);

create policy "members add" on public.reviews for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.reviews for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.reviews for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.reviews for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER audit AFTER DELETE OR UPDATE OF status ON public.reviews FOR EACH ROW EXECUTE FUNCTION private.audit_row('author_email');
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.reviews FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER review_status_stamp BEFORE INSERT OR UPDATE OF status ON public.reviews FOR EACH ROW EXECUTE FUNCTION private.review_status_stamp();
CREATE TRIGGER review_summary_on_delete AFTER DELETE ON public.reviews REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION private.review_summary_on_rows();
CREATE TRIGGER review_summary_on_insert AFTER INSERT ON public.reviews REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION private.review_summary_on_rows();
CREATE TRIGGER review_summary_on_update AFTER UPDATE OF status, rating, shopify_product_id ON public.reviews FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) OR (old.rating IS DISTINCT FROM new.rating) OR (old.shopify_product_id IS DISTINCT FROM new.shopify_product_id))) EXECUTE FUNCTION private.review_summary_on_update();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.reviews FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
