create table private.shop_data_tables (
  table_name regclass not null,
  position integer default 100 not null,
  note text,
  constraint "shop_data_tables_pkey" PRIMARY KEY (table_name)
);
comment on table private.shop_data_tables is 'Tables whose rows of a workspace are the shop''s data: shop/redact deletes them (where workspace_id = the shop''s workspace) in position order. Later domains register theirs with private.register_shop_data_table.';

alter table private.shop_data_tables enable row level security;
grant insert, select, update, delete, truncate, references, trigger on private.shop_data_tables to service_role;
