CREATE OR REPLACE FUNCTION private.customer_match(p_kind text, p_column name)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_kind
    when 'customer' then format('t.%I = any ($2)', p_column)
    when 'email' then format('private.email_sha256(t.%I) = any ($3)', p_column)
    when 'phone' then format('private.phone_sha256(t.%I) = any ($4)', p_column)
    when 'email_hash' then format('t.%I = any ($3)', p_column)
    when 'phone_hash' then format('t.%I = any ($4)', p_column)
    when 'visitor' then format('t.%I = any ($5)', p_column)
  end
$function$;
comment on function private.customer_match(text,name) is 'The SQL condition a customer_data_columns column puts on a row (parameters: $1 workspace, $2 customer ids, $3 email hashes, $4 phone hashes, $5 visitor ids).';
