-- growthbase: a stand-in for the pg_net extension (LOCAL ONLY; in the cloud and under
-- `supabase start` the real pg_net provides this). Same schema, tables, functions and meaning:
-- a call queues a request in net.http_request_queue and returns its id; after the transaction
-- commits, the embedded stack's worker (functions/_local/net_worker.ts, in the gateway process)
-- performs it and writes the answer to net._http_response under that id. Like pg_net, nothing
-- is sent when the transaction rolls back. Signatures follow pg_net 0.14.
create schema if not exists net;
comment on schema net is 'LOCAL stand-in for pg_net: async HTTP from SQL, performed by the gateway''s worker.';

create unlogged table if not exists net.http_request_queue (
  id bigserial primary key,
  method text not null check (method in ('GET', 'POST', 'DELETE')),
  url text not null,
  headers jsonb not null default '{}',
  body bytea,
  timeout_milliseconds integer not null
);
create unlogged table if not exists net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create index if not exists _http_response_created_idx on net._http_response (created);

-- Wake the worker at commit (NOTIFY is transactional), so requests go out without polling delay.
create or replace function net._notify_worker() returns trigger
language plpgsql as $$
begin
  perform pg_notify('growthbase_net', '');
  return null;
end $$;
create or replace trigger notify_worker after insert on net.http_request_queue
  for each statement execute function net._notify_worker();

create or replace function net._encode_url_with_params(url text, params jsonb) returns text
language sql immutable as $$
  select case when params is null or params = '{}'::jsonb then url
         else url || case when strpos(url, '?') > 0 then '&' else '?' end || (
           select string_agg(
             (select string_agg(case when c ~ '[A-Za-z0-9._~-]' then c
                                     else upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) end, '')
              from regexp_split_to_table(e.key, '') c)
             || '=' ||
             (select string_agg(case when c ~ '[A-Za-z0-9._~-]' then c
                                     else upper(regexp_replace(encode(convert_to(c, 'UTF8'), 'hex'), '(..)', '%\1', 'g')) end, '')
              from regexp_split_to_table(e.value, '') c), '&')
           from jsonb_each_text(params) e)
         end
$$;

create or replace function net.http_get(
  url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb, timeout_milliseconds integer default 5000
) returns bigint
language sql volatile as $$
  insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
  values ('GET', net._encode_url_with_params(url, params), coalesce(headers, '{}'), timeout_milliseconds)
  returning id
$$;

create or replace function net.http_post(
  url text, body jsonb default '{}'::jsonb, params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb, timeout_milliseconds integer default 5000
) returns bigint
language sql volatile as $$
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('POST', net._encode_url_with_params(url, params),
          case when coalesce(headers, '{}') ?| array['Content-Type', 'content-type'] then headers
               else coalesce(headers, '{}') || '{"Content-Type": "application/json"}' end,
          convert_to(coalesce(body, '{}'::jsonb)::text, 'UTF8'), timeout_milliseconds)
  returning id
$$;

create or replace function net.http_delete(
  url text, params jsonb default '{}'::jsonb, headers jsonb default '{}'::jsonb, timeout_milliseconds integer default 5000
) returns bigint
language sql volatile as $$
  insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
  values ('DELETE', net._encode_url_with_params(url, params), coalesce(headers, '{}'), timeout_milliseconds)
  returning id
$$;

revoke all on schema net from public;
revoke all on all tables in schema net from public;
revoke all on all functions in schema net from public;
grant usage on schema net to postgres, service_role;
grant execute on all functions in schema net to postgres, service_role;
grant select on net._http_response to postgres, service_role;
