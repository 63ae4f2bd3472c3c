-- What running servers keep in memory (the seller link index, the hash banks, the lexicon in
-- force), by generation: every change to one of them bumps its generation in the same
-- transaction, and a server that sees a generation move reloads that part.
CREATE TABLE state_generations (
    name       TEXT   PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO state_generations (name, generation) VALUES ('sellers', 0), ('banks', 0), ('lexicon', 0);
