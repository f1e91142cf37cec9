create table public.feature_tours (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  tour_key text not null,
  tour_name text not null,
  steps jsonb default '[]'::jsonb not null,
  status public.tour_status default 'pending'::public.tour_status not null,
  current_step integer default 0 not null,
  times_shown integer default 0 not null,
  interactions integer default 0 not null,
  last_shown_at timestamp with time zone,
  completed_at timestamp with time zone,
  dismissed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "feature_tours_pkey" PRIMARY KEY (id),
  constraint "a tour name has 1 to 200 characters" CHECK (((char_length(btrim(tour_name)) >= 1) AND (char_length(btrim(tour_name)) <= 200))),
  constraint "counters cannot be negative" CHECK (((current_step >= 0) AND (times_shown >= 0) AND (interactions >= 0))),
  constraint "feature_tours_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "one row per user and tour" UNIQUE (user_id, tour_key),
  constraint "tour_key is a short lowercase key" CHECK ((tour_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'::text))
);
comment on table public.feature_tours is 'One user''s state in one interactive feature tour. Personal: visible only to that user.';
comment on column public.feature_tours.steps is 'The tour''s steps: [{"title": "...", "body": "...", "target": "css selector"?}], 1 to 50.';
comment on column public.feature_tours.current_step is 'Index into steps of the step being shown (0-based).';
comment on column public.feature_tours.interactions is 'Step changes recorded by public.track_feature_tour.';

alter table public.feature_tours enable row level security;
grant insert, select, update, delete on public.feature_tours to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.feature_tours to service_role;

CREATE INDEX feature_tours_tour_key_idx ON public.feature_tours USING btree (tour_key);
CREATE INDEX feature_tours_user_status_idx ON public.feature_tours USING btree (user_id, status);

create policy "users add their tours" on public.feature_tours for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users change their tours" on public.feature_tours for update to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)))
  with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users read their tours" on public.feature_tours for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users remove their tours" on public.feature_tours for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER check_feature_tour BEFORE INSERT OR UPDATE ON public.feature_tours FOR EACH ROW EXECUTE FUNCTION private.check_feature_tour();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.feature_tours FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
