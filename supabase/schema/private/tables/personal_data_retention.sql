create table private.personal_data_retention (
  table_name regclass not null,
  user_column name not null,
  time_column name not null,
  note text,
  created_at timestamp with time zone default now() not null,
  constraint "personal_data_retention_pkey" PRIMARY KEY (table_name)
);
comment on table private.personal_data_retention is 'Tables whose rows about a user are purged when older than that user''s data_retention_days (opt in with private.register_personal_retention). Opt-in, not catalog-wide: memberships and settings must not expire with age.';

alter table private.personal_data_retention enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.personal_data_retention to service_role;
