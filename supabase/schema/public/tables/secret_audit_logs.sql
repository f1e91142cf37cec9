create table public.secret_audit_logs (
  id bigint generated always as identity not null,
  user_id uuid not null,
  secret_name text not null,
  action public.secret_action not null,
  actor_role text not null,
  created_at timestamp with time zone default now() not null,
  constraint "secret_audit_logs_pkey" PRIMARY KEY (id),
  constraint "secret_audit_logs_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
comment on table public.secret_audit_logs is 'Every create, read, rotate and delete of a user secret; the owner reads their own trail; written only by triggers and private.read_user_secret().';

alter table public.secret_audit_logs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.secret_audit_logs to service_role;
grant select on public.secret_audit_logs to authenticated;

CREATE INDEX secret_audit_logs_user_id_idx ON public.secret_audit_logs USING btree (user_id, created_at DESC);

create policy "users read their secret audit trail" on public.secret_audit_logs for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
