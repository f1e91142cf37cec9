CREATE OR REPLACE FUNCTION public.send_support_reply(p_ticket_id uuid, p_body text DEFAULT NULL::text, p_curated_reply_id uuid DEFAULT NULL::uuid, p_idempotency_key text DEFAULT NULL::text)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  content text := p_body;
  ws uuid;
begin
  if p_ticket_id is null then
    raise exception 'a ticket id is required' using errcode = '22023';
  end if;
  select t.workspace_id into ws from public.support_tickets t where t.id = p_ticket_id;
  if ws is null then
    raise exception 'no ticket %', p_ticket_id using errcode = 'PT404';
  end if;
  perform private.require_workspace_role(ws, 'member');
  if p_curated_reply_id is not null then
    select r.body into content from public.support_curated_replies r
    where r.id = p_curated_reply_id and r.workspace_id = ws and r.active;
    if content is null then
      raise exception 'no active curated reply % in this workspace', p_curated_reply_id using errcode = 'PT404';
    end if;
    perform public.record_curated_reply_use(p_curated_reply_id);
  end if;
  if content is null or char_length(btrim(content)) not between 1 and 10000 then
    raise exception 'a reply has 1 to 10000 characters (or names a curated reply)' using errcode = '22023';
  end if;
  if p_idempotency_key is not null and p_idempotency_key !~ '^[A-Za-z0-9_-]{1,100}$' then
    raise exception 'an idempotency key is 1 to 100 letters, digits, _ or -' using errcode = '22023';
  end if;
  return private.queue_chatwoot_reply(p_ticket_id, content, coalesce(p_idempotency_key, gen_random_uuid()::text));
end $function$;
comment on function public.send_support_reply(uuid,text,uuid,text) is 'Members: sends a reply (p_body, or the curated reply p_curated_reply_id, whose use is counted) to the ticket''s Chatwoot conversation through the chatwoot queue; the same p_idempotency_key sends once. Returns the job id. 22023 bad input or no conversation, 42501 viewers, PT404 unknown ticket or curated reply, PT409 Chatwoot not connected.';
grant execute on function public.send_support_reply(uuid,text,uuid,text) to authenticated;
grant execute on function public.send_support_reply(uuid,text,uuid,text) to service_role;
