CREATE OR REPLACE FUNCTION private.connector_queue(p_queue text)
 RETURNS private.connector_queues
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  q private.connector_queues;
begin
  select * into q from private.connector_queues where queue = p_queue;
  if not found then
    raise exception 'no connector queue %', p_queue using errcode = '22023';
  end if;
  return q;
end $function$;
comment on function private.connector_queue(text) is 'The registered queue of this name (its worker, lease, attempts, backoff); 22023 when no connector registered it.';
