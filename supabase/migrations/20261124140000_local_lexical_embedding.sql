-- local-lexical-v1 in SQL: the same vectors as functions/_shared/embeddings_local.ts, so the
-- demo seed and tests can embed in the database and search with vectors the functions compute.
-- Lexical, not semantic: texts are similar when they share words and word pairs.
--
-- The recipe (both implementations follow it step by step):
--   1. NFKD, drop combining marks (U+0300-U+036F), every run of characters other than A-Z a-z 0-9
--      becomes one space, lowercase, split on spaces;
--   2. drop stopwords (the list below) and one-character words that are not digits;
--   3. stem: -ies -> -y (5+ letters), -ing (5+), -ed (4+), -s but not -ss (4+) removed;
--   4. features: "w:<word>" (weight 1) and "b:<word>_<next word>" (weight 0.5); a feature seen n
--      times counts weight x (1 + ln n); a text without features is the single feature "empty:";
--   5. each feature's SHA-256: bytes 0-3 (big-endian, unsigned) mod 1536 pick the dimension,
--      bit 0 of byte 4 the sign (1: negative); values add up; the vector is L2-normalised.

create function private.local_lexical_stopwords() returns text[]
language sql immutable parallel safe set search_path = '' as $$
  select array['a', 'about', 'all', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can',
    'do', 'does', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
    'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'she', 'so', 'than', 'that', 'the', 'their', 'them',
    'then', 'there', 'these', 'they', 'this', 'to', 'us', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
    'who', 'why', 'will', 'with', 'you', 'your']
$$;
comment on function private.local_lexical_stopwords() is 'Words local-lexical-v1 ignores (the same list as functions/_shared/embeddings_local.ts).';

create function private.local_lexical_embedding(p_text text) returns extensions.vector
language sql immutable parallel safe set search_path = '' as $$
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
$$;
comment on function private.local_lexical_embedding(text) is 'local-lexical-v1: a deterministic lexical embedding (feature-hashed words and word pairs, 1536 dimensions, unit length); identical to the functions'' local provider.';

revoke all on function private.local_lexical_stopwords() from public;
revoke all on function private.local_lexical_embedding(text) from public;
grant execute on function private.local_lexical_stopwords(), private.local_lexical_embedding(text) to authenticated, service_role;
