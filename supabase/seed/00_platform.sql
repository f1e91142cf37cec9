-- Demo workspace and users for local work (not for production). Sign-in is local: mint a JWT
-- for one of these ids with the local secret (see README, "Acting as a user").
insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, email_confirmed_at, created_at, updated_at)
values
  ('00000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'owner@demo.test', '{"provider":"email"}', '{"name":"Olive Owner"}', now(), now(), now()),
  ('00000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated', 'admin@demo.test', '{"provider":"email"}', '{"name":"Adam Admin"}', now(), now(), now()),
  ('00000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated', 'member@demo.test', '{"provider":"email"}', '{"name":"Mia Member"}', now(), now(), now()),
  ('00000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated', 'viewer@demo.test', '{"provider":"email"}', '{"name":"Vic Viewer"}', now(), now(), now())
on conflict (id) do nothing;

insert into public.workspaces (id, name, slug, shop_domain, created_by)
values ('10000000-0000-4000-8000-000000000001', 'Demo Brand', 'demo-brand', 'demo-brand.myshopify.com',
        '00000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

insert into public.workspace_members (workspace_id, user_id, role)
values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'admin'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'member'),
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'viewer')
on conflict do nothing;

insert into public.user_preferences (user_id, interface_mode, default_workspace_id)
values ('00000000-0000-4000-8000-000000000001', 'advanced', '10000000-0000-4000-8000-000000000001')
on conflict do nothing;
