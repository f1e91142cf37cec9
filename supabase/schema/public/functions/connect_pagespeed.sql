CREATE OR REPLACE FUNCTION public.connect_pagespeed(p_workspace_id uuid, p_site_url text)
 RETURNS uuid
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  select private.connect_pagespeed(p_workspace_id, p_site_url)
$function$;
comment on function public.connect_pagespeed(uuid,text) is 'Admins: connects a site to PageSpeed Insights (a pagespeed connection whose account is the URL''s origin, audited with the deployment''s API key), adds its home page as the first key page (mobile) and queues today''s audit. Connecting again reactivates it and, when it needed reconnecting (the API key was refused), makes it ok and resumes its waiting audits. Returns the connection id. 22023 not an http(s) URL; 42501 not an admin.';
grant execute on function public.connect_pagespeed(uuid,text) to authenticated;
grant execute on function public.connect_pagespeed(uuid,text) to service_role;
