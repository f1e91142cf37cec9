CREATE OR REPLACE FUNCTION public.identify_visitor(p_workspace_id uuid, p_visitor_id text, p_identity_token text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function public.identify_visitor(uuid,text,text) is 'Storefront (anon): the visitor signed in; p_identity_token comes from the shop''s server (create_visitor_identity_token). Links the visitor to that customer''s identity when the customer exists, and answers nothing either way (no oracle). 22023 malformed, 42501 a forged, expired or another visitor''s token; 30 calls an hour per address and workspace (429).';
grant execute on function public.identify_visitor(uuid,text,text) to anon;
grant execute on function public.identify_visitor(uuid,text,text) to authenticated;
grant execute on function public.identify_visitor(uuid,text,text) to service_role;
