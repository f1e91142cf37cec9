CREATE OR REPLACE FUNCTION private.check_content_template()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  bad integer;
begin
  if jsonb_typeof(new.sections) is distinct from 'array' or jsonb_array_length(new.sections) > 50 then
    raise exception 'sections: must be an array of at most 50 sections' using errcode = '22023';
  end if;
  select min(e.ordinality - 1) into bad from jsonb_array_elements(new.sections) with ordinality e
  where jsonb_typeof(e.value) <> 'object' or coalesce(btrim(e.value ->> 'title'), '') = ''
     or jsonb_typeof(e.value -> 'body') is distinct from 'string';
  if bad is not null then
    raise exception 'sections[%]: needs a title and a body text', bad using errcode = '22023';
  end if;
  new.variables := private.template_variables(
    array[new.body] || array(select e.value ->> 'body' from jsonb_array_elements(new.sections) e));
  return new;
end $function$;
comment on function private.check_content_template() is 'BEFORE INSERT/UPDATE on content_templates: sections shape (22023) and the variables list.';
