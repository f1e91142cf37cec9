-- What growthbase relies on from Supabase's platform (auth helpers, storage helpers, roles,
-- realtime). Holds against supabase/local/platform.sql and against `supabase start` alike.
begin;
set search_path = extensions, public;
select plan(12);

select tests.create_user('ann@a.test');
select tests.authenticate_as('ann@a.test');
select is(auth.uid(), tests.user_id('ann@a.test'), 'auth.uid() reads sub from request.jwt.claims');
select is(auth.role(), 'authenticated', 'auth.role() reads the role claim');
select is(auth.email(), 'ann@a.test', 'auth.email() reads the email claim');
select is(auth.jwt() ->> 'aal', 'aal1', 'auth.jwt() returns every claim');
select is(current_user::text, 'authenticated', 'the request runs as the authenticated role');
select tests.authenticate_as_anon();
select ok(auth.uid() is null and auth.role() = 'anon', 'anon has no uid');
select tests.clear_authentication();
select ok(auth.uid() is null and auth.jwt() is null, 'without claims the helpers return null');
select is(storage.foldername('team/2026/logo.png'), array['team', '2026'], 'storage.foldername');
select is(storage.filename('team/2026/logo.png'), 'logo.png', 'storage.filename');
select is(storage.extension('team/2026/logo.png'), 'png', 'storage.extension');
select ok((select rolbypassrls from pg_roles where rolname = 'service_role'), 'service_role bypasses RLS');
select ok(exists (select 1 from pg_publication where pubname = 'supabase_realtime'), 'the supabase_realtime publication exists');

select * from finish();
rollback;
