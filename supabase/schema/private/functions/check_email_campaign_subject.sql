CREATE OR REPLACE FUNCTION private.check_email_campaign_subject()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  missing text[];
begin
  select array_agg(v order by v) into missing
  from unnest(private.template_variables(array[new.subject])) v
  where v <> all (private.email_builtin_variables())
    and not exists (select 1 from public.email_templates t
                    where t.workspace_id = new.workspace_id and t.id = new.template_id and t.variable_defaults ? v);
  if missing is not null then
    raise exception 'the subject uses % that no email provides', array_to_string(array(select '{{ ' || m || ' }}' from unnest(missing) m), ', ')
      using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.check_email_campaign_subject() is 'BEFORE INSERT/UPDATE on email_campaigns: the subject override uses only variables the email provides (22023).';
