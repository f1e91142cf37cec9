CREATE OR REPLACE FUNCTION private.check_email_template_variables()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  missing text[];
begin
  select array_agg(v order by v) into missing
  from unnest(private.template_variables(array[new.subject, new.preheader, new.body_html, new.body_text])) v
  where v <> all (private.email_builtin_variables()) and not (new.variable_defaults ? v);
  if missing is not null then
    raise exception 'the template uses % that no email provides', array_to_string(array(select '{{ ' || m || ' }}' from unnest(missing) m), ', ')
      using errcode = '22023',
            hint = 'use ' || array_to_string(private.email_builtin_variables(), ', ') || ', or give a default in variable_defaults';
  end if;
  return new;
end $function$;
comment on function private.check_email_template_variables() is 'BEFORE INSERT/UPDATE on email_templates: every {{ variable }} is built in or has a default (22023 names the missing ones).';
