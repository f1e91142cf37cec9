-- The storefront's identify_visitor was a customer oracle (issue 21, item 6): it answered true or
-- false for any email, phone or Shopify customer id, so anyone with the publishable key could test
-- whether someone is a shop's customer and stitch any visitor to that customer's identity. Now
-- stitching needs proof the storefront cannot forge: a short-lived token the shop's server-side
-- code mints for its signed-in customer with the secret key (create_visitor_identity_token), bound
-- to one workspace and one visitor id and signed with HMAC-SHA256 under a key only the database
-- holds. identify_visitor takes that token and answers the same (nothing) whether or not a
-- customer matched. Design and call sequence: docs/api.md, Attribution.

create table private.visitor_identity_key (
  id boolean primary key default true check (id),
  key bytea not null default extensions.gen_random_bytes(32) check (octet_length(key) = 32),
  created_at timestamptz not null default now()
);
comment on table private.visitor_identity_key is 'The one HMAC-SHA256 key that signs visitor identity tokens: written once here (replace the row to rotate: outstanding tokens, valid 10 minutes at most by default, stop verifying), read by private.sign_visitor_identity and private.verified_visitor_identity. Service only.';
insert into private.visitor_identity_key default values;
alter table private.visitor_identity_key enable row level security;
grant select, insert, update, delete on private.visitor_identity_key to service_role;

create function private.base64url(p_bytes bytea) returns text
language sql immutable set search_path = '' as $$
  select translate(encode(p_bytes, 'base64'), E'+/=\n', '-_')
$$;
comment on function private.base64url(bytea) is 'Base64url without padding (RFC 4648 section 5).';
revoke all on function private.base64url(bytea) from public;

create function private.base64url_decode(p_text text) returns bytea
language sql immutable set search_path = '' as $$
  select decode(rpad(translate(p_text, '-_', '+/'), (char_length(p_text) + 3) / 4 * 4, '='), 'base64')
$$;
comment on function private.base64url_decode(text) is 'Decodes base64url with or without padding; raises on characters outside the alphabet.';
revoke all on function private.base64url_decode(text) from public;

-- The signature of a token's signed part ('v1.' || payload).
create function private.sign_visitor_identity(p_signed text) returns text
language sql stable security definer set search_path = '' as $$
  select private.base64url(extensions.hmac(convert_to(p_signed, 'UTF8'), k.key, 'sha256')) from private.visitor_identity_key k
$$;
comment on function private.sign_visitor_identity(text) is 'HMAC-SHA256 (base64url) of a visitor identity token''s signed part under private.visitor_identity_key.';
revoke all on function private.sign_visitor_identity(text) from public;

create function private.mint_visitor_identity(
  p_workspace_id uuid, p_visitor_id text, p_shopify_customer_id text, p_email text, p_phone text, p_ttl_seconds integer)
returns table (token text, expires_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
declare
  exp timestamptz := now() + make_interval(secs => p_ttl_seconds);
  signed text;
begin
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  signed := 'v1.' || private.base64url(convert_to(jsonb_strip_nulls(jsonb_build_object(
    'w', p_workspace_id, 'v', p_visitor_id, 's', nullif(btrim(p_shopify_customer_id), ''),
    'e', private.email_sha256(p_email), 'p', private.phone_sha256(p_phone),
    'x', floor(extract(epoch from exp))::bigint))::text, 'UTF8'));
  token := signed || '.' || private.sign_visitor_identity(signed);
  expires_at := exp;
  return next;
end $$;
comment on function private.mint_visitor_identity(uuid, text, text, text, text, integer) is 'Definer half of create_visitor_identity_token: a signed token naming the workspace, the visitor, the customer''s Shopify id and email/phone hashes (never plaintext) and its expiry.';
revoke all on function private.mint_visitor_identity(uuid, text, text, text, text, integer) from public;
grant execute on function private.mint_visitor_identity(uuid, text, text, text, text, integer) to service_role;

-- Validation of the identifiers that name a shop's customer (also for the privacy requests admins record).
create function private.check_customer_identifiers(p_email text, p_phone text, p_shopify_customer_id text, p_name text)
returns void
language plpgsql immutable set search_path = '' as $$
begin
  if p_email is null and p_phone is null and p_shopify_customer_id is null then
    raise exception 'give the customer''s p_email, p_phone or p_shopify_customer_id' using errcode = '22023';
  end if;
  if p_email is not null and (char_length(p_email) > 320 or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    raise exception 'p_email is not a valid address' using errcode = '22023';
  end if;
  if p_phone is not null and (char_length(p_phone) > 32 or char_length(regexp_replace(p_phone, '[^0-9]', '', 'g')) < 7) then
    raise exception 'p_phone must hold at least 7 digits' using errcode = '22023';
  end if;
  if p_shopify_customer_id is not null and char_length(btrim(p_shopify_customer_id)) not between 1 and 64 then
    raise exception 'p_shopify_customer_id must be 1-64 characters' using errcode = '22023';
  end if;
  if p_name is not null and char_length(btrim(p_name)) not between 3 and 200 then
    raise exception 'p_name must be 3-200 characters' using errcode = '22023';
  end if;
end $$;
comment on function private.check_customer_identifiers(text, text, text, text) is 'Validation of the identifiers naming a shop''s customer (visitor identity tokens, customer privacy requests): 22023 naming the field.';
revoke all on function private.check_customer_identifiers(text, text, text, text) from public;
grant execute on function private.check_customer_identifiers(text, text, text, text) to authenticated, service_role;

create function public.create_visitor_identity_token(
  p_workspace_id uuid, p_visitor_id text, p_shopify_customer_id text default null, p_email text default null,
  p_phone text default null, p_ttl_seconds integer default 600)
returns table (token text, expires_at timestamptz)
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  perform private.check_customer_identifiers(p_email, p_phone, p_shopify_customer_id, null);
  if p_ttl_seconds is null or p_ttl_seconds not between 30 and 3600 then
    raise exception 'p_ttl_seconds must be between 30 and 3600' using errcode = '22023';
  end if;
  return query select * from private.mint_visitor_identity(p_workspace_id, p_visitor_id, p_shopify_customer_id, p_email,
                                                           p_phone, p_ttl_seconds);
end $$;
comment on function public.create_visitor_identity_token(uuid, text, text, text, text, integer) is 'Secret key only (the shop''s server-side code, for its signed-in customer): a token that lets identify_visitor stitch this visitor id of this workspace to the customer with that Shopify id, email or phone, valid p_ttl_seconds (30-3600, default 600). The token holds hashes, never the email or phone. 22023 bad input, PT404 unknown workspace.';
grant execute on function public.create_visitor_identity_token(uuid, text, text, text, text, integer) to service_role;

-- ===== the storefront call
drop function public.identify_visitor(uuid, text, text, text, text);
drop function private.anon_identify_visitor(uuid, text, text, text, text);

create function private.anon_identify_visitor(p_workspace_id uuid, p_visitor_id text, p_identity_token text)
returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  parts text[] := string_to_array(p_identity_token, '.');
  claims jsonb;
  cust uuid;
begin
  begin
    claims := convert_from(private.base64url_decode(parts[2]), 'UTF8')::jsonb;
  exception when others then
    claims := null;
  end;
  if cardinality(parts) <> 3 or parts[1] <> 'v1' or jsonb_typeof(claims) is distinct from 'object' then
    raise exception 'p_identity_token is not an identity token' using errcode = '22023';
  end if;
  -- One answer for a forged, expired or another visitor's token: it says nothing about customers.
  if parts[3] is distinct from private.sign_visitor_identity(parts[1] || '.' || parts[2])
     or claims ->> 'w' is distinct from p_workspace_id::text or claims ->> 'v' is distinct from p_visitor_id
     or coalesce(claims ->> 'x', '') !~ '^\d{1,12}$' or to_timestamp((claims ->> 'x')::bigint) <= now() then
    raise exception 'the identity token is not valid for this visitor (forged, expired, or minted for another one)'
      using errcode = '42501', hint = 'mint a fresh one on your server with create_visitor_identity_token';
  end if;
  select c.id into cust from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.shopify_customer_id = claims ->> 's' or c.email_sha256 = claims ->> 'e' or c.phone_sha256 = claims ->> 'p')
  order by (c.shopify_customer_id = claims ->> 's') desc nulls last, (c.email_sha256 = claims ->> 'e') desc nulls last,
           c.created_at
  limit 1;
  if cust is not null then
    perform private.stitch_visitor(p_workspace_id, p_visitor_id, cust, now());
  end if;
end $$;
comment on function private.anon_identify_visitor(uuid, text, text) is 'Definer half of public.identify_visitor: verifies the identity token (signature, workspace, visitor, expiry) and stitches the visitor to the customer it names, if that customer exists; answers nothing either way.';
revoke all on function private.anon_identify_visitor(uuid, text, text) from public;
grant execute on function private.anon_identify_visitor(uuid, text, text) to anon, authenticated, service_role;

create function public.identify_visitor(p_workspace_id uuid, p_visitor_id text, p_identity_token text)
returns void
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_identity_token is null or char_length(p_identity_token) > 2048 then
    raise exception 'p_identity_token is required (at most 2048 characters)' using errcode = '22023';
  end if;
  perform private.anon_hit_rate_limit('visitor_identify', p_workspace_id::text);
  perform private.anon_identify_visitor(p_workspace_id, p_visitor_id, p_identity_token);
end $$;
comment on function public.identify_visitor(uuid, text, text) is 'Storefront (anon): the visitor signed in; p_identity_token comes from the shop''s server (create_visitor_identity_token). Links the visitor to that customer''s identity when the customer exists, and answers nothing either way (no oracle). 22023 malformed, 42501 a forged, expired or another visitor''s token; 30 calls an hour per address and workspace (429).';
grant execute on function public.identify_visitor(uuid, text, text) to anon, authenticated, service_role;
insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('visitor_identify', 30, 3600, 'identify_visitor calls from one address to one workspace per hour')
on conflict (bucket) do nothing;
