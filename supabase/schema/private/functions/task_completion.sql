CREATE OR REPLACE FUNCTION private.task_completion()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  elsif tg_op = 'UPDATE' then
    new.completed_at := old.completed_at;
  end if;
  return new;
end $function$;
comment on function private.task_completion() is 'BEFORE INSERT/UPDATE on campaign_tasks: completed_at follows status done.';
