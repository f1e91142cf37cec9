-- Outbound webhook endpoints are checked when they are registered or changed, as far as the
-- database can tell from the URL alone: http(s) only; an IP literal must be a plain dotted quad
-- (decimal, octal, hex and short IPv4 spellings, which URL parsers read as addresses, are
-- refused) or an IPv6 literal, and neither may be loopback, private, link-local (cloud metadata
-- at 169.254.169.254), CGNAT, unique-local, multicast, unspecified, reserved or documentation
-- space (IPv4 inside IPv6 decided by its IPv4); internal names (localhost, *.internal, *.local,
-- home.arpa) are refused. Outside development the URL must be https and loopback is refused
-- too. Development is the database setting growthbase.environment = 'development', which only
-- the local stack sets (supabase/local/platform.sql). What a name resolves to is checked by the
-- dispatcher at delivery time (functions/_shared/outbound.ts), since DNS can change.
create function private.outbound_url_problem(p_url text)
returns text
language plpgsql stable set search_path = '' as $$
declare
  development boolean := coalesce(current_setting('growthbase.environment', true), '') = 'development';
  m text[];
  host text;
  ip inet;
  v4 inet;
  problem text;
begin
  m := regexp_match(p_url, '^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^:/?#]*)');
  if m is null then
    return 'not a URL';
  end if;
  if lower(m[1]) not in ('http', 'https') then
    return 'not http or https';
  end if;
  host := rtrim(lower(m[2]), '.');
  if host ~ '^\[.*\]$' then
    begin
      ip := btrim(host, '[]')::inet;
    exception when others then
      return 'not an IP address';
    end;
  elsif host ~ '^((0x[0-9a-f]*|[0-9]+)\.){0,3}(0x[0-9a-f]*|[0-9]+)$' then
    if host !~ '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$' then
      return 'an IP address must be written as four decimal numbers';
    end if;
    ip := host::inet;
  elsif host ~ '(^|\.)localhost$' then
    problem := 'loopback address';
  elsif host ~ '(^|\.)(internal|local|home\.arpa)$' or host = '' then
    problem := 'internal host name';
  end if;

  -- IPv4 inside IPv6 (mapped ::ffff:a.b.c.d) is decided by its IPv4.
  v4 := case when ip is null then null when family(ip) = 4 then ip
             when ip <<= '::ffff:0:0/96' then '0.0.0.0'::inet + (ip - '::ffff:0.0.0.0'::inet) end;
  if ip is not null then
    select r.what into problem
    from (values ('127.0.0.0/8'::inet, 'loopback address'), ('0.0.0.0/8', 'unspecified address'),
                 ('10.0.0.0/8', 'private address'), ('172.16.0.0/12', 'private address'),
                 ('192.168.0.0/16', 'private address'), ('100.64.0.0/10', 'shared (CGNAT) address'),
                 ('169.254.169.254/32', 'cloud metadata address'), ('169.254.0.0/16', 'link-local address'),
                 ('192.0.0.0/24', 'reserved address'), ('192.0.2.0/24', 'documentation address'),
                 ('192.88.99.0/24', 'reserved address'), ('198.18.0.0/15', 'benchmarking address'),
                 ('198.51.100.0/24', 'documentation address'), ('203.0.113.0/24', 'documentation address'),
                 ('224.0.0.0/4', 'multicast address'), ('240.0.0.0/4', 'reserved address'),
                 ('::1/128', 'loopback address'), ('::/128', 'unspecified address'),
                 ('::/96', 'IPv4-compatible address'), ('64:ff9b::/96', 'NAT64 address'),
                 ('64:ff9b:1::/48', 'local NAT64 address'), ('100::/64', 'discard-only address'),
                 ('2001::/32', 'Teredo address'), ('2001:db8::/32', 'documentation address'),
                 ('2002::/16', '6to4 address'), ('fc00::/7', 'unique-local address'),
                 ('fe80::/10', 'link-local address'), ('fec0::/10', 'site-local address'),
                 ('ff00::/8', 'multicast address')) r (net, what)
    where coalesce(v4, ip) <<= r.net  -- never true across families
    order by masklen(r.net) desc
    limit 1;
  end if;
  if problem = 'loopback address' and development then
    problem := null;
  end if;
  return coalesce(problem, case when not development and lower(m[1]) <> 'https' then 'not https' end);
end $$;
comment on function private.outbound_url_problem(text) is 'Why an outbound URL (a webhook endpoint) must not be registered, from the URL alone, or null: scheme, https outside development, IP literals in non-public ranges or non-decimal spellings, internal names. Loopback only where growthbase.environment = development. The dispatcher re-checks resolved addresses at delivery.';
revoke all on function private.outbound_url_problem(text) from public;

create function private.check_webhook_endpoint_url() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  problem text := private.outbound_url_problem(new.url);
begin
  -- What is not an http(s) URL at all is the table's check constraint's to refuse (23514).
  if problem is not null and problem not in ('not a URL', 'not http or https') then
    raise exception 'url: this endpoint cannot receive webhooks (%)', problem using errcode = '22023',
      hint = 'use a public https URL';
  end if;
  return new;
end $$;
comment on function private.check_webhook_endpoint_url() is 'BEFORE INSERT/UPDATE OF url on webhook_endpoints: refuses URLs the outbound-address guard would refuse whatever they resolve to (22023).';
revoke all on function private.check_webhook_endpoint_url() from public;
create trigger check_webhook_endpoint_url before insert or update of url on public.webhook_endpoints
  for each row execute function private.check_webhook_endpoint_url();

comment on table public.webhook_endpoints is 'Where a workspace wants events sent. Admins manage them; the signing secret lives in private.webhook_endpoint_secrets and is shown once at creation. A URL must be public https (http and loopback only in local development): refused at registration from the URL (22023), and at every delivery after resolving its host.';
