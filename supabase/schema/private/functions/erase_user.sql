CREATE OR REPLACE FUNCTION private.erase_user(p_user_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  who jsonb := private.user_identifiers(p_user_id);
  uemail text := who ->> 'email';
  everywhere text;   -- id, email, phone: unique, scrubbed in every table
  in_workspaces text; -- names: scrubbed in the user's workspaces
  ws_ids uuid[] := array(select x::uuid from jsonb_array_elements_text(who -> 'workspace_ids') x);
  col record;
  n bigint;
  done jsonb := '{}'::jsonb;
  sets text;
  conds text;
  blocker text := private.erasure_blocker(p_user_id);
begin
  if p_user_id is null then
    raise exception 'no user given' using errcode = '22023';
  end if;
  if blocker is not null then
    raise exception '%', blocker using errcode = 'PT409';
  end if;
  -- Once the account is gone the email is only known from a previous run's trail; the id suffices.
  everywhere := private.personal_value_pattern(array[uemail], array[who ->> 'phone'], null, array[p_user_id::text]);
  in_workspaces := private.personal_value_pattern(null, null, private.jsonb_texts(who -> 'names'));

  -- 1. rows and references (R1-R3), with quasi-identifiers of rows that stay. Deletions first, so
  -- a row that is the user's (an invitation to their email) goes before its links are unlinked.
  for col in select * from private.personal_data_columns() p
             order by p.erase_action = 'set_null', p.table_name::text, p.column_name loop
    if col.kind = 'email' and uemail is null then
      continue;
    end if;
    conds := case when col.kind = 'email' then format('lower(t.%I) = $2', col.column_name)
                  else format('t.%I = $1', col.column_name) end;
    if col.erase_action = 'delete' then
      execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, conds)
        into n using p_user_id, uemail;
    else
      select string_agg(format('%I = null', a.attname), ', ') into sets
      from pg_attribute a
      where a.attrelid = col.table_name and a.attnum > 0 and not a.attisdropped and not a.attnotnull
        and (a.attname = col.column_name or a.attname in ('ip_address', 'user_agent'));
      begin
        -- Unlinking runs beneath the tables' own triggers (tenant keys, approval guards, audit
        -- rows that would copy the id again): it changes who a row names, nothing else.
        perform set_config('session_replication_role', 'replica', true);
        execute format('with u as (update %s t set %s where %s returning 1) select count(*) from u', col.table_name, sets, conds)
          into n using p_user_id, uemail;
        perform set_config('session_replication_role', 'origin', true);
      exception when check_violation or not_null_violation then
        perform set_config('session_replication_role', 'origin', true);
        -- Unlinking breaks the row's own rules (an accepted invitation needs its acceptor): the row goes.
        execute format('with d as (delete from %s t where %s returning 1) select count(*) from d', col.table_name, conds)
          into n using p_user_id, uemail;
        col.erase_action := 'delete';
      end;
    end if;
    if n > 0 then
      done := jsonb_set(done, array[col.table_name::text],
                        coalesce(done -> col.table_name::text, '{}'::jsonb)
                        || jsonb_build_object(col.column_name, jsonb_build_object(col.erase_action, n)));
    end if;
  end loop;

  -- 2. storage objects stay with their workspace; their owner goes.
  update storage.objects o set owner = null, owner_id = null where o.owner = p_user_id or o.owner_id = p_user_id::text;
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('storage.objects', jsonb_build_object('owner', jsonb_build_object('set_null', n)));
  end if;
  -- The user's own export documents: expired now, removed from storage by the privacy worker.
  update public.privacy_requests r set download_expires_at = now()
  where r.subject_sha256 = private.sha256_hex(p_user_id::text) and r.export_path is not null and r.export_removed_at is null
    and (r.download_expires_at is null or r.download_expires_at > now());

  -- 3. the account (sessions and identities go with it in Supabase).
  delete from auth.users u where u.id = p_user_id;
  get diagnostics n = row_count;
  if n > 0 then
    done := done || jsonb_build_object('auth.users', jsonb_build_object('id', jsonb_build_object('delete', n)));
  end if;

  -- 4. every remaining mention in free text and JSON (audit history, notes, payloads, chat): the
  -- id, email and phone everywhere, the names in the user's workspaces.
  done := private.merge_erasure_reports(done, private.scrub_personal_values(everywhere, null));
  if cardinality(ws_ids) > 0 then
    done := private.merge_erasure_reports(done, private.scrub_personal_values(in_workspaces, ws_ids));
  end if;
  return done;
end $function$;
comment on function private.erase_user(uuid) is 'GDPR erasure of one user across every table the catalog rule finds, the account, storage object ownership and free-text mentions (id, email and phone everywhere; names in their workspaces); idempotent. Raises PT409 when the user is the only owner of a workspace. Returns per table what was deleted, unlinked or scrubbed.';
grant execute on function private.erase_user(uuid) to service_role;
