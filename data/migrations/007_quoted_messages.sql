-- Quotes buttons that survive a restart whatever the question's length (issue 19): a question
-- too long for a button's custom_id is kept here against the answer's message id.
CREATE TABLE quoted_messages (
    message_id   INTEGER PRIMARY KEY,
    query        TEXT NOT NULL,           -- the message the answer replied to, prefix as "/"
    created_at   TEXT NOT NULL            -- ISO UTC
);
