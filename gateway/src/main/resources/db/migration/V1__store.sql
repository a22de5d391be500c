-- Runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL. Timestamps are WITH TIME ZONE so
-- instants survive any server or JVM zone; JSON is TEXT because H2 has no jsonb and nothing
-- queries inside it. Names avoid H2 reserved words (user, value, key).

CREATE TABLE sessions (
  id                  VARCHAR(128) PRIMARY KEY,
  user_id             VARCHAR(255) NOT NULL,
  tenant_id           VARCHAR(64),
  data                TEXT NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  idle_expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  absolute_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT NOT NULL,
  revoked             BOOLEAN NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id, created_at);
CREATE INDEX sessions_idle_idx ON sessions (idle_expires_at);
CREATE INDEX sessions_absolute_idx ON sessions (absolute_expires_at);

-- seq orders events appended in the same microsecond and makes the paging cursor unique.
CREATE TABLE audit_events (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          VARCHAR(128) NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  event_type  VARCHAR(128) NOT NULL,
  actor       VARCHAR(255),
  route       VARCHAR(255),
  request_id  VARCHAR(128),
  details     TEXT NOT NULL,
  CONSTRAINT audit_events_id_uq UNIQUE (id)
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at, seq);
CREATE INDEX audit_events_type_idx ON audit_events (event_type, occurred_at, seq);
CREATE INDEX audit_events_actor_idx ON audit_events (actor, occurred_at, seq);

-- user_name_lower: H2 has no expression indexes, so case-insensitive uniqueness is a stored
-- lower-cased column written by the store (Locale.ROOT) on both databases.
CREATE TABLE directory_users (
  id              VARCHAR(128) PRIMARY KEY,
  external_id     VARCHAR(255),
  user_name       VARCHAR(512) NOT NULL,
  user_name_lower VARCHAR(512) NOT NULL,
  active          BOOLEAN NOT NULL,
  display_name    VARCHAR(512),
  attributes      TEXT NOT NULL,
  version         BIGINT NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_modified   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT directory_users_user_name_uq UNIQUE (user_name_lower)
);
CREATE INDEX directory_users_external_id_idx ON directory_users (external_id);

CREATE TABLE directory_groups (
  id                 VARCHAR(128) PRIMARY KEY,
  external_id        VARCHAR(255),
  display_name       VARCHAR(512) NOT NULL,
  display_name_lower VARCHAR(512) NOT NULL,
  attributes         TEXT NOT NULL,
  version            BIGINT NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  last_modified      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT directory_groups_display_name_uq UNIQUE (display_name_lower)
);
CREATE INDEX directory_groups_external_id_idx ON directory_groups (external_id);

-- member_id is a user or a group id; no foreign key to users because Entra may provision a
-- group before its members.
CREATE TABLE directory_members (
  group_id  VARCHAR(128) NOT NULL REFERENCES directory_groups (id) ON DELETE CASCADE,
  member_id VARCHAR(128) NOT NULL,
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX directory_members_member_idx ON directory_members (member_id);
