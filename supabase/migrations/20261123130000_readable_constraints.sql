-- A check a user's write can hit explains itself: PostgREST answers a violated check with
-- 'new row ... violates check constraint "<name>"', so the constraints of the tables frontends
-- write directly are named with the rule they hold.
alter table public.workspaces rename constraint workspaces_name_check to "name must be 1 to 120 characters";
alter table public.workspaces rename constraint workspaces_slug_check to "slug must be 2 to 63 lowercase letters, digits or hyphens";
alter table public.user_preferences rename constraint user_preferences_locale_check to "locale must be a language tag such as en or en-GB";
alter table public.user_preferences rename constraint user_preferences_theme_check to "theme must be system, light or dark";
alter table public.user_preferences rename constraint user_preferences_timezone_check to "timezone must be 1 to 64 characters";
alter table public.user_preferences rename constraint user_preferences_notifications_check to "notifications must be a JSON object";
alter table public.profiles rename constraint profiles_avatar_url_check to "avatar_url must be an https URL of at most 2048 characters";
alter table public.profiles rename constraint profiles_display_name_check to "display_name must be at most 120 characters";
alter table public.webhook_endpoints rename constraint webhook_endpoints_url_check to "url must be an http(s) URL of at most 2000 characters";
alter table public.webhook_endpoints rename constraint webhook_endpoints_description_check to "description must be at most 500 characters";

-- The events an outbound endpoint may subscribe to are a table, so a domain adds its events with
-- one insert (a check constraint had to be dropped and rewritten, silently losing another
-- domain's additions), and a frontend can list them.
create table public.webhook_event_types (
  name text primary key check (name ~ '^[a-z_]+\.[a-z_]+$'),
  description text not null
);
comment on table public.webhook_event_types is 'Events outbound webhook endpoints may subscribe to. Readable by every signed-in user; each domain''s migration adds its own.';
alter table public.webhook_event_types enable row level security;
grant select on public.webhook_event_types to authenticated;
grant all on public.webhook_event_types to service_role;
create policy "signed-in users read the event types" on public.webhook_event_types for select to authenticated using (true);
insert into public.webhook_event_types (name, description) values
  ('order.created', 'a Shopify order arrived'),
  ('order.updated', 'an order changed'),
  ('integration.connected', 'an integration connected or reconnected'),
  ('integration.disconnected', 'an integration was disconnected or uninstalled'),
  ('privacy_request.created', 'a privacy request was recorded');

alter table public.webhook_endpoints drop constraint webhook_endpoints_events_check;
create function private.check_endpoint_events() returns trigger
language plpgsql stable security definer set search_path = '' as $$
declare
  unknown text;
begin
  if coalesce(cardinality(new.events), 0) = 0 then
    raise exception 'events must name at least one event type' using errcode = '22023';
  end if;
  select e into unknown from unnest(new.events) e
  where not exists (select 1 from public.webhook_event_types t where t.name = e) limit 1;
  if unknown is not null then
    raise exception 'unknown event type %', unknown using errcode = '22023', hint = 'see the webhook_event_types table';
  end if;
  return new;
end $$;
comment on function private.check_endpoint_events() is 'BEFORE INSERT/UPDATE OF events on webhook_endpoints: every event must be in webhook_event_types (22023 naming the first unknown one).';
revoke all on function private.check_endpoint_events() from public;
create trigger check_endpoint_events before insert or update of events on public.webhook_endpoints
  for each row execute function private.check_endpoint_events();
