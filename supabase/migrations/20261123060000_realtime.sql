-- Tables a frontend watches through Supabase Realtime; RLS decides who receives each change
-- (members see their workspaces' memberships; admins their connections and deliveries).
alter publication supabase_realtime add table public.workspace_members, public.integration_connections,
  public.webhook_deliveries;
