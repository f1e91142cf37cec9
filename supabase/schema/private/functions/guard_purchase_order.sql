CREATE OR REPLACE FUNCTION private.guard_purchase_order()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status is distinct from old.status then
    if old.status <> 'ordered' then
      raise exception 'a purchase order that is % stays so', old.status using errcode = 'PT409';
    end if;
    if new.status = 'received' then
      new.received_at := now();
    end if;
  end if;
  return new;
end $function$;
comment on function private.guard_purchase_order() is 'BEFORE UPDATE on purchase_orders: ordered -> received (stamped) | cancelled, and no further.';
