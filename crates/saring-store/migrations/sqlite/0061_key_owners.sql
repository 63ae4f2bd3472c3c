-- The person who holds an API key, when named: what they do through the key, the review UI or
-- the CLI (`--reviewer NAME`) counts as one reviewer's (see Store::decide_appeal).
ALTER TABLE api_keys ADD COLUMN owner TEXT;
