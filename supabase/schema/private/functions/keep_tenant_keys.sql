CREATE OR REPLACE FUNCTION private.keep_tenant_keys()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  col text;
  before_j jsonb := to_jsonb(old);
  after_j jsonb := to_jsonb(new);
begin
  foreach col in array tg_argv loop
    if after_j -> col is distinct from before_j -> col then
      if col = 'created_by' and jsonb_typeof(after_j -> col) = 'null'
         and not exists (select 1 from auth.users u where u.id = (before_j ->> col)::uuid) then
        continue;
      end if;
      raise exception '% cannot change once a row exists', col
        using errcode = '42501',
              detail = format('table %s keeps %s fixed after insert', tg_table_name, array_to_string(tg_argv, ', ')),
              hint = 'create a new row in the other workspace instead';
    end if;
  end loop;
  return new;
end $function$;
comment on function private.keep_tenant_keys() is 'BEFORE UPDATE OF <the named columns> trigger: raises 42501 when workspace_id, created_at or created_by would change; created_by may only become null once its user is gone (erasure, ON DELETE SET NULL). Installed by private.install_row_triggers().';
