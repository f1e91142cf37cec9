CREATE OR REPLACE FUNCTION private.set_workspace_plan(p_workspace_id uuid, p_plan public.workspace_plan)
 RETURNS public.workspaces
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.workspaces set plan = p_plan,
    storage_quota_bytes = case p_plan when 'free' then 5368709120 when 'pro' then 107374182400
                                      when 'business' then 1099511627776 else null end
  where id = p_workspace_id
  returning *
$function$;
comment on function private.set_workspace_plan(uuid,public.workspace_plan) is 'Billing (service role): sets a workspace''s plan and the storage quota that comes with it.';
grant execute on function private.set_workspace_plan(uuid,public.workspace_plan) to service_role;
