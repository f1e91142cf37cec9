create table public.product_rating_summaries (
  workspace_id uuid not null,
  shopify_product_id text not null,
  review_count integer default 0 not null,
  rating_sum bigint default 0 not null,
  rating_1 integer default 0 not null,
  rating_2 integer default 0 not null,
  rating_3 integer default 0 not null,
  rating_4 integer default 0 not null,
  rating_5 integer default 0 not null,
  average_rating numeric(3,2) generated always as (
CASE
    WHEN (review_count > 0) THEN round(((rating_sum)::numeric / (review_count)::numeric), 2)
    ELSE NULL::numeric
END) stored,
  updated_at timestamp with time zone default now() not null,
  constraint "product_rating_summaries_pkey" PRIMARY KEY (workspace_id, shopify_product_id),
  constraint "product_rating_summaries_consistent" CHECK (((review_count = ((((rating_1 + rating_2) + rating_3) + rating_4) + rating_5)) AND (rating_sum = ((((rating_1 + (2 * rating_2)) + (3 * rating_3)) + (4 * rating_4)) + (5 * rating_5))))),
  constraint "product_rating_summaries_rating_1_check" CHECK ((rating_1 >= 0)),
  constraint "product_rating_summaries_rating_2_check" CHECK ((rating_2 >= 0)),
  constraint "product_rating_summaries_rating_3_check" CHECK ((rating_3 >= 0)),
  constraint "product_rating_summaries_rating_4_check" CHECK ((rating_4 >= 0)),
  constraint "product_rating_summaries_rating_5_check" CHECK ((rating_5 >= 0)),
  constraint "product_rating_summaries_review_count_check" CHECK ((review_count >= 0)),
  constraint "product_rating_summaries_shopify_product_id_check" CHECK (((char_length(shopify_product_id) >= 1) AND (char_length(shopify_product_id) <= 64))),
  constraint "product_rating_summaries_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.product_rating_summaries is 'Published reviews per product: count, distribution and average. Kept by triggers on reviews (insert, status, rating or product changes, delete); read by the storefront''s product_rating(s) RPCs. Read-only for API roles.';
comment on column public.product_rating_summaries.rating_sum is 'Sum of the published ratings (average = rating_sum / review_count).';
comment on column public.product_rating_summaries.rating_1 is 'Published 1-star reviews (rating_2 .. rating_5 likewise).';
comment on column public.product_rating_summaries.average_rating is 'rating_sum / review_count rounded to 2 decimals; null without reviews.';

alter table public.product_rating_summaries enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.product_rating_summaries to service_role;
grant select on public.product_rating_summaries to authenticated;

create policy "viewers read" on public.product_rating_summaries for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.product_rating_summaries FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.product_rating_summaries FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
