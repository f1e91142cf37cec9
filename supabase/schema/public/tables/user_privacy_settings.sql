create table public.user_privacy_settings (
  user_id uuid default auth.uid() not null,
  data_processing_consent boolean default false not null,
  marketing_consent boolean default false not null,
  analytics_consent boolean default false not null,
  third_party_consent boolean default false not null,
  data_retention_days integer default 730 not null,
  consent_updated_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "user_privacy_settings_pkey" PRIMARY KEY (user_id),
  constraint "data_retention_days must be between 30 and 3650" CHECK (((data_retention_days >= 30) AND (data_retention_days <= 3650))),
  constraint "user_privacy_settings_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
comment on table public.user_privacy_settings is 'One row per user: consents and how long personal data about them is kept. Without a row every consent is off and 730 days apply. Only its owner reads or writes it; every change is in privacy_audit_log.';
comment on column public.user_privacy_settings.data_retention_days is 'Rows about this user in tables registered in private.personal_data_retention are purged after this many days. It shortens what a workspace keeps, never lengthens it: workspace retention jobs run regardless.';
comment on column public.user_privacy_settings.consent_updated_at is 'When any consent last changed.';

alter table public.user_privacy_settings enable row level security;
grant insert, select, update, delete on public.user_privacy_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.user_privacy_settings to service_role;

create policy "users change their privacy settings" on public.user_privacy_settings for update to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)))
  with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users create their privacy settings" on public.user_privacy_settings for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users delete their privacy settings" on public.user_privacy_settings for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users read their privacy settings" on public.user_privacy_settings for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER audit_privacy_settings AFTER INSERT OR UPDATE ON public.user_privacy_settings FOR EACH ROW EXECUTE FUNCTION private.audit_privacy_settings();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.user_privacy_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_consent_change BEFORE INSERT OR UPDATE ON public.user_privacy_settings FOR EACH ROW EXECUTE FUNCTION private.stamp_consent_change();
