CREATE OR REPLACE FUNCTION private.local_lexical_embedding(p_text text)
 RETURNS extensions.vector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  with words as (
    select x.w, x.o
    from regexp_split_to_table(lower(regexp_replace(
           regexp_replace(normalize(coalesce(p_text, ''), NFKD), '[\u0300-\u036f]', '', 'g'),
           '[^A-Za-z0-9]+', ' ', 'g')), ' ') with ordinality x (w, o)
  ), kept as (
    select case when length(w) >= 5 and w like '%ies' then left(w, -3) || 'y'
                when length(w) >= 5 and w like '%ing' then left(w, -3)
                when length(w) >= 4 and w like '%ed' then left(w, -2)
                when length(w) >= 4 and w like '%s' and w not like '%ss' then left(w, -1)
                else w end as t,
           row_number() over (order by o) as k
    from words
    where w <> '' and (length(w) >= 2 or w ~ '^[0-9]$') and not (w = any (private.local_lexical_stopwords()))
  ), feats as (
    select 'w:' || t as key, 1.0::double precision as weight from kept
    union all
    select 'b:' || a.t || '_' || b.t, 0.5 from kept a join kept b on b.k = a.k + 1
  ), agg as (
    select f.key, max(f.weight) * (1 + ln(count(*)::double precision)) as value from feats f group by f.key
    union all
    select 'empty:', 1.0 where not exists (select 1 from feats)
  ), hashed as (
    select sha256(convert_to(a.key, 'UTF8')) as h, a.value from agg a
  ), dims as (
    select ((get_byte(h, 0)::bigint << 24) | (get_byte(h, 1) << 16) | (get_byte(h, 2) << 8) | get_byte(h, 3)) % 1536 as i,
           sum(case when get_byte(h, 4) & 1 = 1 then -value else value end) as v
    from hashed group by 1
  ), norm as (
    select sqrt(sum(d.v * d.v)) as n from dims d
  )
  select array_agg(coalesce(d.v / nullif(norm.n, 0), 0)::real order by g.i)::real[]::extensions.vector
  from generate_series(0, 1535) g (i)
  left join dims d on d.i = g.i
  cross join norm
$function$;
comment on function private.local_lexical_embedding(text) is 'local-lexical-v1: a deterministic lexical embedding (feature-hashed words and word pairs, 1536 dimensions, unit length); identical to the functions'' local provider.';
grant execute on function private.local_lexical_embedding(text) to authenticated;
grant execute on function private.local_lexical_embedding(text) to service_role;
