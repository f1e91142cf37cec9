CREATE OR REPLACE FUNCTION private.customer_subject(p_workspace_id uuid, p_subject jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  emails text[] := array(select lower(e) from unnest(private.jsonb_texts(p_subject -> 'emails')) e);
  phones text[] := private.jsonb_texts(p_subject -> 'phones');
  names text[] := private.jsonb_texts(p_subject -> 'names');
  sids text[] := private.jsonb_texts(p_subject -> 'shopify_customer_ids') || private.jsonb_texts(p_subject -> 'shopify_customer_id');
  ehash text[] := private.jsonb_texts(p_subject -> 'email_sha256');
  phash text[] := private.jsonb_texts(p_subject -> 'phone_sha256');
  cids uuid[];
  vids text[];
  col record;
  found_values text[];
  found_names text[];
begin
  ehash := ehash || array(select private.email_sha256(e) from unnest(emails) e where private.email_sha256(e) is not null);
  phash := phash || array(select private.phone_sha256(p) from unnest(phones) p where private.phone_sha256(p) is not null);
  select coalesce(array_agg(c.id), '{}') into cids from public.customers c
  where c.workspace_id = p_workspace_id
    and (c.shopify_customer_id = any (sids) or c.email_sha256 = any (ehash) or c.phone_sha256 = any (phash));
  ehash := ehash || array(select c.email_sha256 from public.customers c where c.id = any (cids) and c.email_sha256 is not null)
                 || array(select o.email_sha256 from public.orders o
                          where o.workspace_id = p_workspace_id and o.customer_id = any (cids) and o.email_sha256 is not null);
  phash := phash || array(select c.phone_sha256 from public.customers c where c.id = any (cids) and c.phone_sha256 is not null);
  vids := array(select v.visitor_id from public.visitors v join public.customer_identities i on i.id = v.identity_id
                where v.workspace_id = p_workspace_id and i.customer_id = any (cids))
       || array(select o.visitor_id from public.orders o
                where o.workspace_id = p_workspace_id and o.visitor_id is not null
                  and (o.customer_id = any (cids) or o.email_sha256 = any (ehash)));
  for col in select * from private.customer_data_columns() c where c.kind in ('email', 'phone') loop
    execute format(
      'select coalesce(array_agg(distinct t.%1$I), ''{}''),
              coalesce(array_agg(distinct n.v) filter (where n.v is not null), ''{}'')
       from %2$s t left join lateral (values %3$s) n (v) on true
       where t.workspace_id = $1 and %4$s',
      col.column_name, col.table_name,
      coalesce((select string_agg(format('(t.%I)', x), ', ') from unnest(col.name_columns) x
                where x not in ('first_name', 'last_name')), '(null::text)')
        || case when col.name_columns @> array['first_name', 'last_name']::name[]
                then ', (nullif(concat_ws('' '', t.first_name, t.last_name), ''''))' else '' end,
      private.customer_match(col.kind, col.column_name))
      into found_values, found_names using p_workspace_id, cids, ehash, phash, vids;
    if col.kind = 'email' then
      emails := emails || array(select lower(btrim(v)) from unnest(found_values) v);
    else
      phones := phones || found_values;
    end if;
    names := names || found_names;
  end loop;
  return jsonb_build_object(
    'customer_ids', to_jsonb(cids),
    'email_hashes', to_jsonb(array(select distinct x from unnest(ehash) x)),
    'phone_hashes', to_jsonb(array(select distinct x from unnest(phash) x)),
    'visitor_ids', to_jsonb(array(select distinct x from unnest(vids) x)),
    'emails', to_jsonb(array(select distinct x from unnest(emails) x)),
    'phones', to_jsonb(array(select distinct x from unnest(phones) x)),
    'names', to_jsonb(array(select distinct btrim(x) from unnest(names) x where btrim(x) <> '')));
end $function$;
comment on function private.customer_subject(uuid,jsonb) is 'Resolves a customer privacy request (shopify_customer_id(s), emails, phones, names, email_sha256, phone_sha256) to everything identifying the customer in the workspace: customer ids, email and phone hashes, visitor ids, and the emails, phones and names found in clear in the rows the customer rule matches.';
