CREATE OR REPLACE FUNCTION public.preserve_slack_thread(p_thread_id uuid, p_preserved boolean DEFAULT true)
 RETURNS public.slack_threads
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t public.slack_threads;
  ws uuid := (select s.workspace_id from public.slack_threads s where s.id = p_thread_id);
begin
  if ws is null then
    raise exception 'no such thread' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  update public.slack_threads set preserved = coalesce(p_preserved, true),
    preserved_by = case when coalesce(p_preserved, true) then (select auth.uid()) end
  where id = p_thread_id
  returning * into t;
  if not found then
    raise exception 'no such thread' using errcode = 'PT404';
  end if;
  return t;
end $function$;
comment on function public.preserve_slack_thread(uuid,boolean) is 'Members: keep a thread (and its messages) beyond the 30-day purge, or release it. PT404 when the thread is not visible, 42501 for viewers.';
grant execute on function public.preserve_slack_thread(uuid,boolean) to authenticated;
grant execute on function public.preserve_slack_thread(uuid,boolean) to service_role;
