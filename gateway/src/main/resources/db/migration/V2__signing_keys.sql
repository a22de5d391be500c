-- The gateway's own keys for the identity assertion it sends upstream. Every node signs with the
-- key of the highest generation and publishes every key not yet past retire_at. The UNIQUE
-- generation makes "first key" and "rotate" race-safe across nodes: two nodes that both try to
-- store generation n+1 cannot both succeed. private_key is base64 PKCS#8, public_key base64
-- X.509 SubjectPublicKeyInfo.
CREATE TABLE signing_keys (
  kid         VARCHAR(128) PRIMARY KEY,
  generation  BIGINT NOT NULL,
  algorithm   VARCHAR(16) NOT NULL,
  private_key TEXT NOT NULL,
  public_key  TEXT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  retire_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT signing_keys_generation_uq UNIQUE (generation)
);
