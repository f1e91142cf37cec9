create table public.user_secrets (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  name text not null,
  provider text not null,
  hint text,
  last_used_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "user_secrets_pkey" PRIMARY KEY (id),
  constraint "user_secrets_hint_check" CHECK ((char_length(hint) <= 8)),
  constraint "user_secrets_name_check" CHECK ((name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'::text)),
  constraint "user_secrets_provider_check" CHECK (((char_length(provider) >= 1) AND (char_length(provider) <= 64))),
  constraint "user_secrets_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "user_secrets_user_id_name_key" UNIQUE (user_id, name)
);
comment on table public.user_secrets is 'A user''s own API keys (Gemini, OpenAI ...): name, provider and hint; the ciphertext lives in private.user_secret_values. Every create, read, rotate and delete is audited.';
comment on column public.user_secrets.hint is 'Last four characters of the key, to recognise it.';

alter table public.user_secrets enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.user_secrets to service_role;
grant select, delete on public.user_secrets to authenticated;

create policy "users delete their secrets" on public.user_secrets for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users see their secrets" on public.user_secrets for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER audit_user_secret AFTER INSERT OR DELETE ON public.user_secrets FOR EACH ROW EXECUTE FUNCTION private.audit_user_secret();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.user_secrets FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
