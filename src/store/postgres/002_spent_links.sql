-- Sign-in links of the staff console that were used (issue 16): a link works once in every process of the
-- deployment. Only a random nonce and when the link would have expired anyway (then the row may go).
CREATE TABLE swipefix_spent_links (
    nonce    TEXT PRIMARY KEY,
    until_ms BIGINT NOT NULL
);
