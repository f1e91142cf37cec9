CREATE OR REPLACE FUNCTION private.finish_conversion_jobs(p_results jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  fin jsonb;
  w record;
begin
  if jsonb_typeof(p_results) is distinct from 'array' then
    raise exception 'p_results must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('results', jsonb_array_length(p_results), 1000);
  -- each job finished by the queue's rules (retry, backoff, dead letter), with its new status
  select coalesce(jsonb_agg(jsonb_build_object('workspace_id', j.workspace_id, 'destination', j.payload ->> 'destination',
           'event_id', j.payload ->> 'event_id', 'occurred_at', j.payload ->> 'occurred_at', 'error', x.error,
           'status', private.finish_connector_job(x.job_id, x.lease_id, x.outcome::private.connector_job_outcome, x.error,
                                                  x.next_attempt_at, null, x.provider_ref))), '[]')
  into fin
  from jsonb_to_recordset(p_results) x (job_id bigint, lease_id uuid, outcome text, error text, next_attempt_at timestamptz,
                                        provider_ref text)
  join private.connector_jobs j on j.id = x.job_id and j.queue = 'conversions';

  -- the events' statuses: sent, or failed with the error (one update per event, whatever its destinations)
  update public.pixel_events e set
    meta_status = coalesce(u.meta, e.meta_status), ga4_status = coalesce(u.ga4, e.ga4_status),
    tiktok_status = coalesce(u.tiktok, e.tiktok_status), last_error = coalesce(u.error, e.last_error)
  from (
    select f.workspace_id, f.event_id, f.occurred_at,
      max(case when f.destination = 'meta' then f.delivery end)::public.pixel_delivery_status as meta,
      max(case when f.destination = 'ga4' then f.delivery end)::public.pixel_delivery_status as ga4,
      max(case when f.destination = 'tiktok' then f.delivery end)::public.pixel_delivery_status as tiktok,
      left(string_agg(f.destination || ': ' || f.error, '; ') filter (where f.delivery = 'failed'), 2000) as error
    from (select g.*, case g.status when 'done' then 'sent' when 'dead' then 'failed' end as delivery
          from jsonb_to_recordset(fin) g (workspace_id uuid, destination text, event_id text, occurred_at timestamptz,
                                          error text, status text)) f
    where f.delivery is not null
    group by f.workspace_id, f.event_id, f.occurred_at
  ) u
  where e.workspace_id = u.workspace_id and e.event_id = u.event_id and e.occurred_at = u.occurred_at;

  -- the hourly accuracy of the hours these results touched, from them
  for w in select f.workspace_id, min(f.occurred_at) as since
           from jsonb_to_recordset(fin) f (workspace_id uuid, occurred_at timestamptz, status text)
           where f.status in ('done', 'dead') group by f.workspace_id loop
    perform private.refresh_pixel_accuracy(w.since, w.workspace_id);
  end loop;

  return coalesce((select jsonb_object_agg(k, n) from (
    select coalesce(f.status, 'lease_lost') as k, count(*) as n
    from jsonb_to_recordset(fin) f (status text) group by 1) c), '{}');
end $function$;
comment on function private.finish_conversion_jobs(jsonb) is 'The conversions worker''s report on a batch, in one transaction: each job finished under its lease (sent, retried with backoff, dead), each event''s destination statuses set from the results (sent; failed with the error on a dead letter), and the pixel accuracy of the touched hours recomputed. Returns counts by new job status.';
grant execute on function private.finish_conversion_jobs(jsonb) to service_role;
