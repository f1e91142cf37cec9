CREATE OR REPLACE FUNCTION private.require_members()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  col text;
  uid uuid;
  r jsonb := to_jsonb(new);
begin
  foreach col in array tg_argv loop
    uid := (r ->> col)::uuid;
    if uid is not null and not exists (
      select 1 from public.workspace_members m where m.workspace_id = new.workspace_id and m.user_id = uid
    ) then
      raise exception '%: that user is not a member of this workspace', col using errcode = '22023';
    end if;
  end loop;
  return new;
end $function$;
comment on function private.require_members() is 'BEFORE INSERT/UPDATE trigger: each user id in the named columns must be a member of the row''s workspace (22023 otherwise).';
