create table private.invitation_tokens (
  invitation_id uuid not null,
  token_hash bytea not null,
  constraint "invitation_tokens_pkey" PRIMARY KEY (invitation_id),
  constraint "invitation_tokens_invitation_id_fkey" FOREIGN KEY (invitation_id) REFERENCES public.workspace_invitations(id) ON DELETE CASCADE,
  constraint "invitation_tokens_token_hash_check" CHECK ((octet_length(token_hash) = 32)),
  constraint "invitation_tokens_token_hash_key" UNIQUE (token_hash)
);
comment on table private.invitation_tokens is 'SHA-256 of each invitation token (the token itself is shown once to the inviter). Service only.';

alter table private.invitation_tokens enable row level security;
