CREATE OR REPLACE FUNCTION private.email_template_variables()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.variables := private.template_variables(array[new.subject, new.preheader, new.body_html, new.body_text]);
  return new;
end $function$;
comment on function private.email_template_variables() is 'BEFORE INSERT/UPDATE on email_templates: the variables list.';
