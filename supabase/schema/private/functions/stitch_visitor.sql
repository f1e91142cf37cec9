CREATE OR REPLACE FUNCTION private.stitch_visitor(p_workspace_id uuid, p_visitor_id text, p_customer_id uuid, p_at timestamp with time zone DEFAULT now())
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ident uuid;
  first_at timestamptz;
begin
  insert into public.customer_identities as i (workspace_id, customer_id, first_seen_at, last_seen_at)
  values (p_workspace_id, p_customer_id, p_at, p_at)
  on conflict (customer_id) do update set last_seen_at = greatest(i.last_seen_at, excluded.last_seen_at)
  returning i.id into ident;
  if p_visitor_id is null then
    return ident;
  end if;
  insert into public.visitors as v (workspace_id, visitor_id, identity_id, first_seen_at, last_seen_at, identified_at)
  values (p_workspace_id, p_visitor_id, ident, p_at, p_at, p_at)
  on conflict (workspace_id, visitor_id) do update set
    identity_id = excluded.identity_id,
    identified_at = excluded.identified_at,
    first_seen_at = least(v.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at)
  where v.identity_id is distinct from excluded.identity_id or v.first_seen_at > excluded.first_seen_at
     or v.last_seen_at < excluded.last_seen_at
  returning v.first_seen_at into first_at;
  update public.customer_identities set first_seen_at = least(first_seen_at, first_at)
  where id = ident and first_at is not null and first_seen_at > first_at;
  return ident;
end $function$;
comment on function private.stitch_visitor(uuid,text,uuid,timestamp with time zone) is 'Identity stitching: links a visitor to the customer''s identity (made when missing); returns the identity id. Touchpoints are keyed by visitor id, so history is kept.';
