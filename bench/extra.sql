-- Benchmark additions on top of fixtures/seed.sql: long conversations (250 messages) for Q2,
-- and smart tags so PostGraphile 5 exposes the same relations and hides the credential tables.

insert into chat.conversations (id, continuation_id, title, metadata, created_at, updated_at)
select md5('bench-long-' || n)::uuid, 'bench-long-' || n, 'Long benchmark conversation ' || n, '{}',
       timestamptz '2025-06-01 00:00:00+00', timestamptz '2025-06-01 05:00:00+00'
from generate_series(1, 5) n
on conflict (id) do nothing;

insert into chat.messages (id, conversation_id, role, content, metadata, created_at)
select md5('bench-long-msg-' || n || '-' || i)::uuid, md5('bench-long-' || n)::uuid,
       (array['user', 'assistant'])[1 + i % 2]::chat.message_role,
       'Long conversation ' || n || ', message ' || i, jsonb_build_object('i', i),
       timestamptz '2025-06-01 00:00:00+00' + i * interval '1 second'
from generate_series(1, 5) n, generate_series(1, 250) i
on conflict (id) do nothing;

comment on table public.secrets is E'@behavior -*';
comment on table public.jwt_tokens is E'@behavior -*';
comment on table ai_manager.memories is E'@foreignKey (conversation_id) references chat.conversations (id)';
comment on table public.files is E'@foreignKey (conversation_id) references chat.conversations (id)';
comment on table ai_manager.conversations is E'@foreignKey (id) references chat.conversations (id)';

analyze;
