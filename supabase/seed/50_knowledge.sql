-- Knowledge seed for the demo workspace: a brand handbook (general collection), the Q&A of the
-- glow serum demo (demo collection; demo id 40000000-0000-4000-8000-000000000001) and the
-- memories of the support agent (agent collection; agent id 60000000-0000-4000-8000-000000000001).
-- Everything is embedded in SQL with local-lexical-v1 (private.local_lexical_embedding, the same
-- vectors the functions' local provider computes), so search answers sensibly offline, e.g.
-- knowledge-search "how long do I have to return an order?" finds the returns policy first.

insert into public.knowledge_collections (id, workspace_id, scope, owner_id, name, description, embedding_model, created_by)
values
  ('50000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'general', null, 'Brand handbook',
   'Policies, ingredients and voice: what support, agents and campaigns answer from.', 'local-lexical-v1',
   '00000000-0000-4000-8000-000000000002'),
  ('50000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'demo', '40000000-0000-4000-8000-000000000001',
   'Glow serum demo', 'Questions visitors ask in the interactive serum demo.', 'local-lexical-v1',
   '00000000-0000-4000-8000-000000000003'),
  ('50000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'agent', '60000000-0000-4000-8000-000000000001',
   'Support agent memories', 'What the support agent has learned about customers and the shop.', 'local-lexical-v1',
   '00000000-0000-4000-8000-000000000002')
on conflict (id) do nothing;

insert into public.knowledge_documents (id, workspace_id, collection_id, document_key, title, document_type, source_type,
  source_uri, tags, metadata, created_by)
values
  ('51000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
   'policies/shipping', 'Shipping policy', 'policy', 'markdown', null, '{policy,shipping}', '{"owner": "ops"}',
   '00000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
   'policies/returns', 'Returns and refunds', 'policy', 'markdown', null, '{policy,returns}', '{"owner": "support"}',
   '00000000-0000-4000-8000-000000000002'),
  ('51000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
   'products/glow-serum', 'Glow Serum: ingredients and use', 'product', 'html',
   'https://demo-brand.example/products/glow-serum', '{product,ingredients}', '{"sku": "GLOW-30"}',
   '00000000-0000-4000-8000-000000000003'),
  ('51000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000001',
   'guides/brand-voice', 'Brand voice guide', 'guide', 'markdown', null, '{marketing,voice}', '{}',
   '00000000-0000-4000-8000-000000000003'),
  ('51000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000002',
   'demo/glow-serum-faq', 'Glow serum demo FAQ', 'faq', 'qa', null, '{demo,faq}', '{}',
   '00000000-0000-4000-8000-000000000003'),
  ('51000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003',
   'memory:seed-1', 'Customers ask about subscriptions', 'fact', 'memory', null, '{}', '{}', null),
  ('51000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003',
   'memory:seed-2', 'Escalate damaged parcels', 'procedure', 'memory', null, '{}', '{}', null)
on conflict (id) do nothing;

insert into public.knowledge_chunks (document_id, chunk_index, content, question, answer, source, token_count, metadata,
  embedding, embedding_model)
select v.document_id::uuid, v.chunk_index, v.content, v.question, v.answer, v.source, ceil(char_length(v.content) / 4.0)::integer,
  v.metadata::jsonb, private.local_lexical_embedding(v.content), 'local-lexical-v1'
from (values
  ('51000000-0000-4000-8000-000000000001', 0,
   E'# Shipping\n\nWe ship from our warehouse in Leeds every weekday. Orders placed before 2 pm UK time leave the same day; later orders leave the next working day.',
   null, null, 'Shipping policy', '{"heading": "Shipping"}'),
  ('51000000-0000-4000-8000-000000000001', 1,
   E'# Shipping costs\n\nStandard delivery in the UK costs 3.95 and takes 2 to 3 working days. Orders over 50 ship free. Express next-day delivery costs 6.95.',
   null, null, 'Shipping policy', '{"heading": "Shipping costs"}'),
  ('51000000-0000-4000-8000-000000000001', 2,
   E'# International shipping\n\nWe ship to the EU, the US and Canada. International delivery takes 5 to 10 working days; duties and taxes are included at checkout for the EU and the US.',
   null, null, 'Shipping policy', '{"heading": "International shipping"}'),
  ('51000000-0000-4000-8000-000000000002', 0,
   E'# Returns\n\nYou can return any order within 30 days of delivery for a full refund, opened or not. Start a return from the link in your order confirmation email.',
   null, null, 'Returns and refunds', '{"heading": "Returns"}'),
  ('51000000-0000-4000-8000-000000000002', 1,
   E'# Refunds\n\nRefunds go back to the original payment method within 5 working days of the parcel reaching us. Return shipping is free in the UK.',
   null, null, 'Returns and refunds', '{"heading": "Refunds"}'),
  ('51000000-0000-4000-8000-000000000002', 2,
   E'# Damaged or missing items\n\nIf a parcel arrives damaged or an item is missing, send a photo to support within 7 days and we send a replacement at no cost.',
   null, null, 'Returns and refunds', '{"heading": "Damaged or missing items"}'),
  ('51000000-0000-4000-8000-000000000003', 0,
   E'# Ingredients\n\nGlow Serum contains 15% vitamin C (ascorbic acid), 1% ferulic acid, vitamin E and hyaluronic acid. It is vegan, fragrance free and never tested on animals.',
   null, null, 'Glow Serum product page', '{"heading": "Ingredients"}'),
  ('51000000-0000-4000-8000-000000000003', 1,
   E'# How to use\n\nApply three drops to clean, dry skin every morning before moisturiser and sunscreen. Sensitive skin: start every other day for the first two weeks.',
   null, null, 'Glow Serum product page', '{"heading": "How to use"}'),
  ('51000000-0000-4000-8000-000000000003', 2,
   E'# Storage\n\nKeep the bottle closed, away from sunlight, below 25 degrees. Vitamin C oxidises: use it within 3 months of opening; a darker colour means it is past its best.',
   null, null, 'Glow Serum product page', '{"heading": "Storage"}'),
  ('51000000-0000-4000-8000-000000000004', 0,
   E'# Brand voice\n\nWe write like a friend who happens to be a skincare chemist: warm, plain and precise. Short sentences, no hype words, no medical claims, and always name the active ingredient and its strength.',
   null, null, 'Brand voice guide', '{"heading": "Brand voice"}'),
  ('51000000-0000-4000-8000-000000000005', 0,
   E'Q: Can I use the serum with retinol?\nA: Yes, but not at the same time: use Glow Serum in the morning and retinol at night.',
   'Can I use the serum with retinol?', 'Yes, but not at the same time: use Glow Serum in the morning and retinol at night.',
   'Video: Product Demo', '{}'),
  ('51000000-0000-4000-8000-000000000005', 1,
   E'Q: Is the serum safe during pregnancy?\nA: Vitamin C is generally considered safe in pregnancy, but ask your doctor before starting any new skincare.',
   'Is the serum safe during pregnancy?', 'Vitamin C is generally considered safe in pregnancy, but ask your doctor before starting any new skincare.',
   'Video: Product Demo', '{}'),
  ('51000000-0000-4000-8000-000000000005', 2,
   E'Q: How long does one bottle last?\nA: A 30 ml bottle lasts about two months at three drops every morning.',
   'How long does one bottle last?', 'A 30 ml bottle lasts about two months at three drops every morning.',
   'Video: Routine', '{}'),
  ('51000000-0000-4000-8000-000000000005', 3,
   E'Q: Why did my serum turn orange?\nA: Vitamin C oxidises with air and light. A slightly darker colour is normal; a deep orange serum is past its best.',
   'Why did my serum turn orange?', 'Vitamin C oxidises with air and light. A slightly darker colour is normal; a deep orange serum is past its best.',
   'Video: Routine', '{}'),
  ('51000000-0000-4000-8000-000000000006', 0,
   'Many customers ask whether they can pause or skip a subscription delivery; they can, from their account page, up to 3 days before it ships.',
   null, null, 'Support conversations', '{}'),
  ('51000000-0000-4000-8000-000000000007', 0,
   'Damaged parcel reports with a photo are approved without asking further questions; replacements go out by express delivery.',
   null, null, 'Support conversations', '{}')
) v (document_id, chunk_index, content, question, answer, source, metadata)
on conflict (document_id, chunk_index) do nothing;

-- Each document's text is its chunks in order (what ingestion would have stored).
update public.knowledge_documents d
set content = s.content, content_sha256 = private.sha256_hex(s.content)
from (select c.document_id, string_agg(c.content, E'\n\n' order by c.chunk_index) as content
      from public.knowledge_chunks c group by c.document_id) s
where d.id = s.document_id and d.workspace_id = '10000000-0000-4000-8000-000000000001' and d.content is null;

-- Two searches, so the access log is not empty.
insert into public.knowledge_access_logs (workspace_id, user_id, caller_role, via, mode, strategy, query_sha256,
  embedding_model, collection_ids, result_chunk_ids, latency_ms, created_at)
select '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'authenticated', 'knowledge-search',
  'hybrid', 'exact', private.sha256_hex(q.text), 'local-lexical-v1', null,
  array(select m.id from public.hybrid_search_knowledge_chunks(q.text, private.local_lexical_embedding(q.text), 3,
          filter_workspace_id => '10000000-0000-4000-8000-000000000001') m),
  q.ms, now() - q.ago
from (values ('how long do I have to return an order?', 4.20, interval '2 days'),
             ('does shipping cost anything over 50?', 3.70, interval '1 day')) q (text, ms, ago)
where not exists (select 1 from public.knowledge_access_logs l where l.workspace_id = '10000000-0000-4000-8000-000000000001');
