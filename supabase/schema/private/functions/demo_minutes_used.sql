CREATE OR REPLACE FUNCTION private.demo_minutes_used(p_demo_id uuid)
 RETURNS numeric
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce((select sum(case when c.ended_at is not null and c.started_at is not null
                                   then ceil(extract(epoch from c.ended_at - c.started_at) / 60)
                                   when c.ended_at is not null then 0
                                   else coalesce(c.max_minutes, 0) end)
                   from public.demo_conversations c
                   where c.demo_id = p_demo_id and c.created_at >= date_trunc('month', now(), 'UTC')), 0)
       + coalesce((select sum(s.minutes) from private.demo_conversation_starts s
                   where s.demo_id = p_demo_id and s.created_at > now() - interval '2 minutes'), 0)
$function$;
comment on function private.demo_minutes_used(uuid) is 'Tavus minutes a demo used this calendar month (UTC): ended conversations by length (rounded up), open ones by their max_minutes, starts in flight by theirs.';
