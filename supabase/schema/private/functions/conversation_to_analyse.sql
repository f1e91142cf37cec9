CREATE OR REPLACE FUNCTION private.conversation_to_analyse(p_workspace_id uuid, p_conversation_id text)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce(jsonb_agg(jsonb_build_object('index', m.message_index, 'role', m.role, 'content', left(m.content, 4000))
                            order by m.message_index), '[]')
  from public.conversation_messages m
  where m.workspace_id = p_workspace_id and m.conversation_id = p_conversation_id and m.role <> 'system'
$function$;
comment on function private.conversation_to_analyse(uuid,text) is 'The analysis worker: a conversation''s messages [{index, role, content}] (system messages left out).';
grant execute on function private.conversation_to_analyse(uuid,text) to service_role;
