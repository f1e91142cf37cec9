CREATE OR REPLACE FUNCTION private.erase_customer(p_workspace_id uuid, p_subject jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s jsonb := private.customer_subject(p_workspace_id, p_subject);
  cids uuid[] := array(select x::uuid from jsonb_array_elements_text(s -> 'customer_ids') x);
  ehash text[] := private.jsonb_texts(s -> 'email_hashes');
  phash text[] := private.jsonb_texts(s -> 'phone_hashes');
  vids text[] := private.jsonb_texts(s -> 'visitor_ids');
  pattern text := private.personal_value_pattern(private.jsonb_texts(s -> 'emails'), private.jsonb_texts(s -> 'phones'),
                                                 private.jsonb_texts(s -> 'names'));
  col record;
  sets text;
  cond text;
  n bigint;
  done jsonb := '{}'::jsonb;
  leftovers jsonb;
begin
  if p_workspace_id is null then
    raise exception 'no workspace given' using errcode = '22023';
  end if;
  -- 1. raw deliveries that mention the subject: the body goes, processed or not (processing it
  -- later would bring the data back); the hash and metadata stay.
  if pattern is not null then
    update private.webhook_events w set payload = null,
      status = case when w.status in ('pending', 'failed') then 'ignored' else w.status end,
      error = case when w.status in ('pending', 'failed') then 'body dropped by a privacy erasure before processing' else w.error end
    where w.workspace_id = p_workspace_id and w.payload is not null and w.payload::text ~* pattern;
    get diagnostics n = row_count;
    if n > 0 then
      done := done || jsonb_build_object('private.webhook_events', jsonb_build_object('payload', jsonb_build_object('drop', n)));
    end if;
  end if;
  -- 2. the customers (gift card recipients go, orders are unlinked)
  done := done || jsonb_build_object('public.customers', jsonb_build_object('id',
    jsonb_build_object('delete', private.erase_customers(p_workspace_id, cids, ehash))));
  -- 3. every row the rule matches: deletions first, then what kept tables clear
  for col in select * from private.customer_data_columns() c order by c.erase_action = 'set_null', c.table_name::text, c.column_name loop
    cond := format('t.workspace_id = $1 and %s', private.customer_match(col.kind, col.column_name));
    if col.erase_action = 'delete' then
      execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, cond)
        into n using p_workspace_id, cids, ehash, phash, vids;
    else
      select string_agg(format('%I = %s', a.attname,
               case when a.attname = col.column_name or not a.attnotnull then 'null' else '''Anonymous''' end), ', ')
      into sets from pg_attribute a
      where a.attrelid = col.table_name and a.attnum > 0 and not a.attisdropped
        and (a.attname = col.column_name or a.attname = any (col.name_columns));
      begin
        perform set_config('session_replication_role', 'replica', true);
        execute format('with u as (update %s t set %s where %s returning 1) select count(*) from u', col.table_name, sets, cond)
          into n using p_workspace_id, cids, ehash, phash, vids;
        perform set_config('session_replication_role', 'origin', true);
      exception when check_violation or not_null_violation then
        perform set_config('session_replication_role', 'origin', true);
        execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, cond)
          into n using p_workspace_id, cids, ehash, phash, vids;
        col.erase_action := 'delete';
      end;
    end if;
    if n > 0 then
      done := jsonb_set(done, array[col.table_name::text], coalesce(done -> col.table_name::text, '{}'::jsonb)
                        || jsonb_build_object(col.column_name, jsonb_build_object(col.erase_action, n)));
    end if;
  end loop;
  -- 4. the subject quoted anywhere in the workspace's text
  done := done || private.scrub_personal_values(pattern, array[p_workspace_id]);
  -- 5. the proof: nothing of the subject left in the workspace, or nothing happened
  select coalesce(jsonb_agg(to_jsonb(l)), '[]') into leftovers from private.personal_pattern_locations(pattern, array[p_workspace_id]) l;
  if leftovers <> '[]'::jsonb then
    raise exception 'values of the customer remain after erasure in %', leftovers;
  end if;
  return done;
end $function$;
comment on function private.erase_customer(uuid,jsonb) is 'GDPR erasure of one shop customer in one workspace (p_subject: shopify_customer_id(s), emails, phones, names, hashes): drops raw webhook bodies that mention them, deletes the customers, deletes or anonymises every row the customer rule matches, scrubs their emails, phones and names from every text column of the workspace, and raises if any remains. Returns per table what it did.';
grant execute on function private.erase_customer(uuid,jsonb) to service_role;
