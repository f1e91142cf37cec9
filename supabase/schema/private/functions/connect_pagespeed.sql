CREATE OR REPLACE FUNCTION private.connect_pagespeed(p_workspace_id uuid, p_site_url text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  origin text := substring(lower(btrim(p_site_url)) from '^(https?://[^/?#\s]+)');
  cid uuid;
begin
  if p_workspace_id is null or origin is null or char_length(origin) > 255 then
    raise exception 'p_site_url must be an http(s) URL of the site' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'admin');
  end if;
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by,
                                                   metadata)
  values (p_workspace_id, 'pagespeed', origin, 'active', (select auth.uid()), jsonb_build_object('connected_via', 'api_key'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', last_error = null,
    connected_by = coalesce(excluded.connected_by, c.connected_by)
  returning c.id into cid;
  -- a site has no token: connecting again is how an admin says the key works again
  update public.integration_connections set health = 'ok', health_changed_at = now(), consecutive_failures = 0,
    throttled_until = null
  where id = cid and health = 'reauth_required';
  if found then
    perform private.connection_alert(cid, 'ok', null);
    perform private.resume_connection_jobs(cid);
  end if;
  insert into public.seo_key_pages (workspace_id, connection_id, url, label, strategy)
  values (p_workspace_id, cid, origin || '/', 'Home', 'mobile')
  on conflict (workspace_id, connection_id, url, strategy) do nothing;
  return cid;
end $function$;
comment on function private.connect_pagespeed(uuid,text) is 'What public.connect_pagespeed does, as the owner after the admin check.';
grant execute on function private.connect_pagespeed(uuid,text) to authenticated;
grant execute on function private.connect_pagespeed(uuid,text) to service_role;
