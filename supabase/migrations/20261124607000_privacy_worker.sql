-- The privacy worker (functions/privacy-export) stores export documents in the data-exports bucket
-- and removes them when their download window passes: the database wakes it when an export is
-- requested (at commit, through pg_net) and pg_cron sweeps every 5 minutes for retries and expiries.

insert into private.callable_functions (name, description)
values ('privacy-export', 'builds and stores pending privacy exports, removes expired ones')
on conflict (name) do nothing;

create function private.wake_privacy_worker() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from queued q where q.kind = 'export' and q.status = 'pending') then
    perform private.wake_function('privacy-export');
  end if;
  return null;
end $$;
comment on function private.wake_privacy_worker() is 'AFTER INSERT statement trigger on privacy_requests: a new export wakes the privacy worker at commit.';
revoke all on function private.wake_privacy_worker() from public;
create trigger wake_privacy_worker after insert on public.privacy_requests
  referencing new table as queued for each statement execute function private.wake_privacy_worker();

create function private.privacy_work_due() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from public.privacy_requests r
             where r.kind = 'export' and (r.status = 'pending'
                   or (r.status = 'processing' and r.started_at < now() - interval '15 minutes')))
     or exists (select 1 from public.privacy_requests r
                where r.export_path is not null and r.export_removed_at is null and r.download_expires_at <= now()) then
    return private.invoke_function('privacy-export');
  end if;
  return null;
end $$;
comment on function private.privacy_work_due() is 'pg_cron job privacy-export (every 5 minutes): calls the privacy worker when an export waits (or is stuck) or a document has expired; otherwise nothing.';
revoke all on function private.privacy_work_due() from public;
grant execute on function private.privacy_work_due() to service_role;
select cron.schedule('privacy-export', '*/5 * * * *', 'select private.privacy_work_due()');
