-- A user's account erasure and export, completed (issue 21, item 1). Erasure scrubbed the user's
-- id and email from free text, but not their phone number or their name: a chat message, an audit
-- row or a decision's actor_name quoting them kept it. Now the phone (auth.users.phone) is scrubbed
-- everywhere like the email, and the user's names (profile display name, sign-up metadata) from
-- every text column of the workspaces they belonged to; the erasure job proves all of them gone.
-- The export held whole rows the user only touched (a ticket assigned to them, a review they
-- moderated, a lead they own), with other people's emails, phones and names in them: such rows now
-- show only their keys, the column naming the user and their times, and every email or phone
-- number in the document that is not the user's is masked. The privacy-erasures job also runs the
-- customer erasures admins record (request_customer_erasure).

-- Merges erasure reports (table -> what was done): keys of the same table are kept side by side.
create function private.merge_erasure_reports(p_a jsonb, p_b jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_object_agg(k, coalesce(p_a -> k, '{}'::jsonb) || coalesce(p_b -> k, '{}'::jsonb)), '{}'::jsonb)
  from (select jsonb_object_keys(coalesce(p_a, '{}')) k union select jsonb_object_keys(coalesce(p_b, '{}'))) keys
$$;
comment on function private.merge_erasure_reports(jsonb, jsonb) is 'Two erasure reports (table -> column -> action -> count) as one.';
revoke all on function private.merge_erasure_reports(jsonb, jsonb) from public;

-- What identifies a user beyond their id and email: phone, names, and the workspaces they are in
-- (their names are scrubbed there: a name is not unique, so not everywhere).
create function private.user_identifiers(p_user_id uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'email', (select lower(u.email) from auth.users u where u.id = p_user_id),
    'phone', (select nullif(u.phone, '') from auth.users u where u.id = p_user_id),
    'names', to_jsonb(array(select distinct btrim(n) from unnest(array[
               (select p.display_name from public.profiles p where p.id = p_user_id),
               (select u.raw_user_meta_data ->> 'full_name' from auth.users u where u.id = p_user_id),
               (select u.raw_user_meta_data ->> 'name' from auth.users u where u.id = p_user_id)]) n
             where nullif(btrim(n), '') is not null)),
    'workspace_ids', to_jsonb(array(select m.workspace_id from public.workspace_members m where m.user_id = p_user_id)))
$$;
comment on function private.user_identifiers(uuid) is 'A user''s email, phone, names (profile display name, sign-up full_name/name) and workspaces: what their erasure scrubs besides the id.';
revoke all on function private.user_identifiers(uuid) from public;

create or replace function private.erase_user(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.erase_user(uuid) is 'GDPR erasure of one user across every table the catalog rule finds, the account, storage object ownership and free-text mentions (id, email and phone everywhere; names in their workspaces); idempotent. Raises PT409 when the user is the only owner of a workspace. Returns per table what was deleted, unlinked or scrubbed.';

-- ===== the export: whole rows that are the user's, the link only of rows they touched
create or replace function private.build_user_export(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  who jsonb := private.user_identifiers(p_user_id);
  uemail text := who ->> 'email';
  t record;
  own_conds text;
  touch_conds text;
  keep_keys text[];
  rows_j jsonb;
  tables_j jsonb := '{}'::jsonb;
begin
  for t in
    select p.table_name, array_agg(p.column_name order by p.column_name) as cols,
           array_agg(p.kind order by p.column_name) as kinds, array_agg(p.erase_action order by p.column_name) as actions
    from private.personal_data_columns() p group by p.table_name order by p.table_name::text
  loop
    select string_agg(c, ' or ') filter (where a = 'delete'), string_agg(c, ' or ') filter (where a = 'set_null')
    into own_conds, touch_conds
    from (select case when k = 'email' then format('lower(t.%I) = $2', col) else format('t.%I = $1', col) end as c, a
          from unnest(t.cols, t.kinds, t.actions) as x (col, k, a)
          where k <> 'email' or uemail is not null) x;
    -- a touched row shows its keys, the workspace, its times and the columns that name the user
    keep_keys := array(select a.attname::text from pg_attribute a
                       where a.attrelid = t.table_name and a.attnum > 0 and not a.attisdropped
                         and (a.attname = 'workspace_id' or a.atttypid = 'timestamptz'::regtype
                              or a.attnum = any (coalesce((select i.indkey::int2[] from pg_index i
                                                           where i.indrelid = t.table_name and i.indisprimary), '{}'))));
    execute format(
      'select jsonb_agg(case when %s then to_jsonb(t) - $3
                            else (select jsonb_object_agg(e.key, e.value) from jsonb_each(to_jsonb(t)) e
                                  where e.key = any ($4) or (e.key = any ($5) and (e.value #>> ''{}'' = $1::text
                                                                                   or lower(e.value #>> ''{}'') = $2))) end)
       from %s t where %s',
      coalesce(own_conds, 'false'), t.table_name, concat_ws(' or ', own_conds, touch_conds))
      into rows_j using p_user_id, uemail, private.secret_columns(t.table_name), keep_keys, t.cols::text[];
    if rows_j is not null then
      tables_j := tables_j || jsonb_build_object(t.table_name::text, rows_j);
    end if;
  end loop;
  return private.mask_foreign_contacts(jsonb_build_object(
    'format', 'growthbase.privacy_export.v2',
    'generated_at', now(),
    'subject', jsonb_build_object('user_id', p_user_id, 'email', uemail),
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'phone', u.phone, 'created_at', u.created_at,
                  'last_sign_in_at', u.last_sign_in_at, 'email_confirmed_at', u.email_confirmed_at,
                  'user_metadata', u.raw_user_meta_data)
                from auth.users u where u.id = p_user_id),
    'tables', tables_j,
    'storage_objects', coalesce((select jsonb_agg(jsonb_build_object('bucket_id', o.bucket_id, 'name', o.name,
                                   'created_at', o.created_at, 'size', o.metadata -> 'size') order by o.bucket_id, o.name)
                                 from storage.objects o where o.owner = p_user_id or o.owner_id = p_user_id::text), '[]'::jsonb),
    'rule', 'rows of every table in public and private with a foreign key to auth.users, a uuid column named user_id, owner_id, actor_id, author_id, *_user_id or *_by equal to the user id, or a column email/*_email equal to the user''s email: whole where the row is the user''s (erasure deletes it), keys, the user columns and times only where the user just touched it (erasure unlinks it); secret columns left out; other people''s emails and phone numbers masked'),
    array_remove(array[private.email_sha256(uemail)], null), array_remove(array[private.phone_sha256(who ->> 'phone')], null));
end $$;
comment on function private.build_user_export(uuid) is 'The export document of one user, discovered from the catalog (private.personal_data_columns): account, every row that is theirs whole and every row they only touched as its keys, user columns and times, storage objects they own; other people''s emails and phones masked.';

-- ===== the erasure job: users' confirmed requests and the customer requests admins record
create or replace function private.process_privacy_erasures(p_limit integer default 20) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.privacy_requests;
  result jsonb;
  leftovers jsonb;
  who jsonb;
  n integer := 0;
begin
  update public.privacy_requests p set status = 'rejected', details = p.details || '{"reason": "not confirmed in time"}'
  where p.kind = 'erasure' and p.status = 'pending' and p.confirmation_required and p.confirmed_at is null
    and p.confirm_by <= now();
  for r in
    select * from public.privacy_requests p
    where p.kind = 'erasure' and p.status = 'pending'
      and ((p.source = 'user' and (not p.confirmation_required or p.confirmed_at is not null))
           or (p.source = 'admin' and p.workspace_id is not null))
    order by p.requested_at limit p_limit
    for update skip locked
  loop
    update public.privacy_requests set status = 'processing', started_at = now(), attempts = attempts + 1 where id = r.id;
    begin
      if r.source = 'admin' then
        -- erase_customer proves itself (it raises when a value of the customer remains)
        result := private.erase_customer(r.workspace_id,
          coalesce((select s.subject from private.privacy_request_subjects s where s.request_id = r.id), '{}') || r.subject);
        update public.privacy_requests set status = 'completed', details = details || jsonb_build_object('erased', result)
        where id = r.id;
      else
        who := private.user_identifiers(r.user_id);
        result := private.erase_user(r.user_id);
        select coalesce(jsonb_agg(to_jsonb(l)), '[]') into leftovers
        from (select * from private.personal_value_locations(array_remove(array[r.user_id::text, who ->> 'email'], null))
              union all
              select * from private.personal_pattern_locations(private.personal_value_pattern(null, array[who ->> 'phone'], null))
              union all
              select * from private.personal_pattern_locations(private.personal_value_pattern(null, null, private.jsonb_texts(who -> 'names')),
                                                              array(select x::uuid from jsonb_array_elements_text(who -> 'workspace_ids') x))) l;
        if leftovers <> '[]'::jsonb then
          -- The catalog rule missed a place: roll this erasure back and leave it for a person.
          raise exception 'values remain after erasure in %', leftovers;
        end if;
        update public.privacy_requests set status = 'completed', requested_by = null, user_id = null,
          details = details || jsonb_build_object('erased', result)
        where id = r.id;
      end if;
    exception when others then
      update public.privacy_requests set status = 'failed', error = left(sqlerrm, 2000) where id = r.id;
    end;
    -- the identifiers in clear are not kept, whatever the outcome (an admin records a new request)
    delete from private.privacy_request_subjects s where s.request_id = r.id;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.process_privacy_erasures(integer) is 'pg_cron job privacy-erasures (every 5 minutes): rejects user erasures not confirmed in 24 hours, erases the confirmed ones and the customer erasures admins recorded (each in its own subtransaction: a failure marks that request failed with the reason); the clear identifiers of customer requests are deleted either way.';
