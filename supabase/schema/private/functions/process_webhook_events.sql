CREATE OR REPLACE FUNCTION private.process_webhook_events(p_limit integer DEFAULT 500)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  claimed private.webhook_events[];
  e private.webhook_events;
  b record;
  outcome public.webhook_event_status;
  done integer := 0;
  failed integer := 0;
begin
  if p_limit is null or p_limit not between 1 and 5000 then
    raise exception 'p_limit must be between 1 and 5000' using errcode = '22023';
  end if;
  -- One processor at a time keeps each shop's events in the order they arrived.
  if not pg_try_advisory_xact_lock(hashtextextended('growthbase:webhook-process', 0)) then
    return jsonb_build_object('busy', true, 'processed', 0, 'failed', 0);
  end if;
  select array_agg(w order by w.id) into claimed
  from private.webhook_events w
  where w.id in (select d.id from private.webhook_events d
                 where d.status in ('pending', 'failed') and d.next_attempt_at <= now()
                 order by d.id limit p_limit);
  if claimed is null then
    return jsonb_build_object('busy', false, 'processed', 0, 'failed', 0);
  end if;

  -- Orders, one batch per workspace: the newest version of each order (Shopify's updated_at,
  -- then arrival), the other versions of it counted as processed.
  for b in
    select c.workspace_id,
           array_agg(c.id order by c.id) as ids,
           jsonb_agg(private.shopify_order(c.payload) order by c.id) filter (where c.newest) as orders
    from (select c.*, row_number() over (partition by c.workspace_id, c.payload ->> 'id'
                                         order by c.payload ->> 'updated_at' desc nulls last, c.id desc) = 1 as newest
          from unnest(claimed) c
          where c.workspace_id is not null
            and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled')) c
    group by c.workspace_id
  loop
    begin
      perform public.upsert_orders(b.workspace_id, b.orders);
      update private.webhook_events w set status = 'processed', processed_at = now(), error = null,
        process_attempts = w.process_attempts + 1, next_attempt_at = null
      where w.id = any (b.ids);
      done := done + cardinality(b.ids);
    exception when others then
      -- The batch was refused: each event on its own, so only the bad ones fail.
      for e in select * from unnest(claimed) c where c.id = any (b.ids) order by c.id loop
        begin
          outcome := private.process_shopify_event(e);
          perform private.finish_webhook_event(e.id, outcome, null);
          done := done + 1;
        exception when others then
          perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
          failed := failed + 1;
        end;
      end loop;
    end;
  end loop;

  -- Everything else, one by one in arrival order.
  for e in
    select * from unnest(claimed) c
    where not (c.workspace_id is not null
               and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled'))
    order by c.id
  loop
    begin
      outcome := private.process_shopify_event(e);
      perform private.finish_webhook_event(e.id, outcome, null);
      done := done + 1;
    exception when others then
      perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
      failed := failed + 1;
    end;
  end loop;
  return jsonb_build_object('busy', false, 'processed', done, 'failed', failed, 'claimed', cardinality(claimed));
end $function$;
comment on function private.process_webhook_events(integer) is 'Processes up to p_limit due Shopify events in arrival order (one processor at a time): order topics in one upsert_orders batch per workspace, the rest one by one; failures retry with backoff, dead after 5.';
grant execute on function private.process_webhook_events(integer) to service_role;
