CREATE OR REPLACE FUNCTION private.support_ticket_before_write()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    new.requester_email := lower(btrim(new.requester_email));
    if private.is_end_user() then
      new.source := 'app';
      new.status := 'open';
      new.created_by := (select auth.uid());
    end if;
    if new.order_number is not null and new.order_id is null then
      select o.id into new.order_id from public.orders o
      where o.workspace_id = new.workspace_id and o.order_number = btrim(new.order_number)
        and o.email_sha256 = private.email_sha256(new.requester_email)
      limit 1;
    end if;
  end if;
  if new.assigned_to is not null and (tg_op = 'INSERT' or new.assigned_to is distinct from old.assigned_to)
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = new.workspace_id and m.user_id = new.assigned_to) then
    raise exception 'the assignee must be a member of this workspace' using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.support_ticket_before_write() is 'BEFORE INSERT/UPDATE on support_tickets: members'' tickets start open as source app; links the named order when it is the requester''s; the assignee must be a workspace member.';
