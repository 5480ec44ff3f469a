-- Data change (no schema change). The title search key (Article.titleSearch) now also folds
-- typographic quotes and primes to typewriter ones (lib/articles/typed-match.ts), so a search typed
-- with a straight apostrophe finds "O’Malley". Existing keys are brought in line; titles themselves
-- are untouched. replace() is the same function on SQLite and PostgreSQL.
UPDATE "Article" SET "titleSearch" =
  replace(replace(replace(replace(replace(replace(replace(replace(replace("titleSearch",
    '‘', ''''), '’', ''''), '‛', ''''), '′', ''''),
    '“', '"'), '”', '"'), '„', '"'), '″', '"'),
    ' ', ' ');
