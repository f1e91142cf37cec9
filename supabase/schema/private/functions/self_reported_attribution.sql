CREATE OR REPLACE FUNCTION private.self_reported_attribution(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model)
 RETURNS SETOF private.self_reported_attribution_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_model is null then
    raise exception 'p_model is required' using errcode = '22023';
  end if;
  return query
  with said as (
    -- one answer per order (its latest), and every answer without an order
    select distinct on (coalesce(r.order_id::text, 'response:' || r.id)) r.id, r.order_id,
           coalesce(m.channel, private.survey_answer_channel(coalesce(r.answers[1], r.other_text))) as channel
    from public.survey_responses r
    join public.survey_questions q on q.workspace_id = r.workspace_id and q.id = r.question_id and q.attribution
    left join public.survey_channel_mappings m on m.workspace_id = r.workspace_id and m.source = r.source
                                               and m.answer = lower(btrim(r.answers[1]))
    where r.workspace_id = p_workspace_id and r.responded_at >= t0 and r.responded_at < t1
      and coalesce(r.answers[1], r.other_text) is not null
    order by coalesce(r.order_id::text, 'response:' || r.id), r.responded_at desc, r.id desc
  ), conv as (
    select s.channel, c.id as conversion_id, c.revenue_cents, c.credited_at
    from said s join public.conversions c on c.workspace_id = p_workspace_id and c.order_id = s.order_id
  ), credits as (
    select a.conversion_id, a.channel, a.weight, a.credit_cents
    from public.attribution_credits a
    where a.workspace_id = p_workspace_id and a.model = p_model and a.conversion_id in (select conversion_id from conv)
    union all
    -- fresh reads: conversions the cron round has not credited yet are computed now
    select f.conversion_id, f.channel, f.weight, f.credit_cents
    from private.compute_attribution_credits(array(select c.conversion_id from conv c where c.credited_at is null)) f
    where f.model = p_model
  ), top as (
    select distinct on (x.conversion_id) x.conversion_id, x.channel
    from (select cr.conversion_id, cr.channel, sum(cr.weight) as w from credits cr group by 1, 2) x
    order by x.conversion_id, x.w desc, x.channel
  ), reported as (
    select s.channel, count(*)::int as responses from said s group by s.channel
  ), bought as (
    select c.channel, count(*)::int as orders, sum(c.revenue_cents)::bigint as revenue,
           round(avg(case when t.channel = c.channel then 1 else 0 end), 4) as agreement
    from conv c left join top t on t.conversion_id = c.conversion_id
    group by c.channel
  ), modelled as (
    select cr.channel, sum(cr.weight) as orders, sum(cr.credit_cents)::bigint as revenue from credits cr group by cr.channel
  ), channels as (
    select channel from reported union select channel from modelled
  )
  select ch.channel, coalesce(r.responses, 0), coalesce(b.orders, 0), coalesce(b.revenue, 0)::bigint,
         round(coalesce(m.orders, 0), 4), coalesce(m.revenue, 0)::bigint, b.agreement
  from channels ch
  left join reported r on r.channel = ch.channel
  left join bought b on b.channel = ch.channel
  left join modelled m on m.channel = ch.channel
  order by coalesce(r.responses, 0) desc, coalesce(m.revenue, 0) desc, ch.channel;
end $function$;
comment on function private.self_reported_attribution(uuid,date,date,public.attribution_model) is 'What public.self_reported_attribution returns, read as the owner after the viewer check.';
grant execute on function private.self_reported_attribution(uuid,date,date,public.attribution_model) to authenticated;
grant execute on function private.self_reported_attribution(uuid,date,date,public.attribution_model) to service_role;
