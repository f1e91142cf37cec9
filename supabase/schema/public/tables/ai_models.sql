create table public.ai_models (
  id uuid default gen_random_uuid() not null,
  provider public.ai_provider not null,
  model text not null,
  display_name text,
  model_type public.ai_model_type not null,
  is_active boolean default true not null,
  is_default boolean default false not null,
  capabilities public.ai_model_capability[] default '{text}'::public.ai_model_capability[] not null,
  context_window integer,
  max_output_tokens integer,
  input_price_per_mtok_micros bigint default 0 not null,
  cached_input_price_per_mtok_micros bigint,
  output_price_per_mtok_micros bigint default 0 not null,
  currency character(3) default 'USD'::bpchar not null,
  metadata jsonb default '{}'::jsonb not null,
  last_seen_at timestamp with time zone,
  deprecated_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  needs_review boolean default false not null,
  reviewed_at timestamp with time zone,
  constraint "ai_models_pkey" PRIMARY KEY (id),
  constraint "a default model must be active" CHECK (((NOT is_default) OR is_active)),
  constraint "ai_models_cached_input_price_per_mtok_micros_check" CHECK ((cached_input_price_per_mtok_micros >= 0)),
  constraint "ai_models_context_window_check" CHECK ((context_window > 0)),
  constraint "ai_models_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "ai_models_display_name_check" CHECK (((char_length(display_name) >= 1) AND (char_length(display_name) <= 200))),
  constraint "ai_models_input_price_per_mtok_micros_check" CHECK ((input_price_per_mtok_micros >= 0)),
  constraint "ai_models_max_output_tokens_check" CHECK ((max_output_tokens > 0)),
  constraint "ai_models_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "ai_models_model_check" CHECK ((model ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$'::text)),
  constraint "ai_models_output_price_per_mtok_micros_check" CHECK ((output_price_per_mtok_micros >= 0)),
  constraint "ai_models_provider_model_key" UNIQUE (provider, model)
);
comment on table public.ai_models is 'Global registry of AI models (provider + model unique). Every signed-in user reads it; only the service writes it (discovery runs, private.set_default_model).';
comment on column public.ai_models.model is 'The provider''s model id as sent in API calls, e.g. gpt-5-mini, claude-sonnet-4-5.';
comment on column public.ai_models.is_default is 'The model used for this provider and type when nothing else is chosen; at most one per provider and type.';
comment on column public.ai_models.input_price_per_mtok_micros is 'Price of one million input tokens in micros (millionths) of currency: $1.25 per 1M tokens = 1250000.';
comment on column public.ai_models.cached_input_price_per_mtok_micros is 'Price of one million cached input tokens in micros; NULL means cached tokens cost the input price.';
comment on column public.ai_models.output_price_per_mtok_micros is 'Price of one million output tokens in micros of currency.';
comment on column public.ai_models.last_seen_at is 'When a discovery run last found the model at its provider.';
comment on column public.ai_models.deprecated_at is 'When a discovery run stopped finding it (it was then deactivated).';
comment on column public.ai_models.needs_review is 'Found by a discovery run without prices or with a guessed model_type, and not yet reviewed (its costs count as 0 until then). private.review_ai_model clears it.';
comment on column public.ai_models.reviewed_at is 'When the service last reviewed the model (prices, type, activation).';

alter table public.ai_models enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ai_models to service_role;
grant select on public.ai_models to authenticated;

CREATE INDEX ai_models_needs_review_idx ON public.ai_models USING btree (created_at) WHERE needs_review;
CREATE UNIQUE INDEX ai_models_one_default ON public.ai_models USING btree (provider, model_type) WHERE is_default;

create policy "signed-in users read the model registry" on public.ai_models for select to authenticated
  using (true);

CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ai_models FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
