create table private.customer_kept_tables (
  table_name regclass not null,
  note text not null,
  constraint "customer_kept_tables_pkey" PRIMARY KEY (table_name)
);
comment on table private.customer_kept_tables is 'Tables whose rows matched to an erased customer stay, with the matched column and its name fields cleared, instead of being deleted (the shop''s records). Registered by private.keep_customer_rows; read by private.customer_data_columns.';

alter table private.customer_kept_tables enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.customer_kept_tables to service_role;
