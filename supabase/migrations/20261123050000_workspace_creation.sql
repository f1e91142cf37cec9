-- from('workspaces').insert({ name, slug }).select() works: PostgREST reads the new row back
-- through RETURNING, which the select policy filters, and the owner membership (added by an
-- AFTER trigger) is not visible to that statement. The creator may read a workspace they
-- created in the same transaction (created_at = now() holds only there).
create policy "creators read the workspace they are creating" on public.workspaces for select to authenticated
  using (created_by = (select auth.uid()) and created_at = now());
